funnel --lost --by channel ../cycle-length/backwards.csv
