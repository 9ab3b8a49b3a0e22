funnel --by segment --total ../lead-convert/small.csv
