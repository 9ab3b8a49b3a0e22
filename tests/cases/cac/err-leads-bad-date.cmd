cac --spend spend.csv ../lead-convert/baddate.csv
