kpi-plot series --x period --y lead_to_customer --group channel --script -o "it's.svg" < evil.csv
