funnel --partial --merge ../lead-convert/small.csv
