funnel ../lead-convert/baddate.csv
