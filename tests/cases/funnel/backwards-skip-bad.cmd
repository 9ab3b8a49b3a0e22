funnel --skip-bad ../cycle-length/backwards.csv
