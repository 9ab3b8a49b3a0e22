funnel ../lead-convert/small.csv
