kpi-plot bars --x channel --y cac_fully_loaded --labels labels-duplicate.csv < cac.csv
