kpi-plot bars --x channel --y cac_fully_loaded --labels labels-bad-fields.csv < cac.csv
