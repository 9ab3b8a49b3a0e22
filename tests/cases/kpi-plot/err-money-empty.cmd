kpi-plot bars --x channel --y cac_fully_loaded --money '' < cac.csv
