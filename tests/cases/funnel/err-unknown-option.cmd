funnel --ci 0.9 ../lead-convert/small.csv
