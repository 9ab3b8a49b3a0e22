kpi-plot bars --x channel --y lead_to_customer --group period --script < evil.csv
