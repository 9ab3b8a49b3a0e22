funnel --lost --by channel ../lead-convert/small.csv
