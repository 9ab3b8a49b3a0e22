funnel --count-col leads --lost ../lead-convert/counted.csv
