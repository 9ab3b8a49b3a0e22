funnel --count-col leads --by channel --period quarter --total ../lead-convert/counted.csv
