kpi-plot bars --x channel --y cac_fully_loaded --labels labels-bad-header.csv < cac.csv
