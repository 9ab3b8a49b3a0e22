funnel --window 30 ../lead-convert/small.csv
