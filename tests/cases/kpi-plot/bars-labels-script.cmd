kpi-plot bars --x channel --y cac_fully_loaded --group period --labels labels.csv --script -o cac.svg < cac.csv
