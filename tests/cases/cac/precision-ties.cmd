cac --spend spend.csv --period month --precision 0 leads.csv
