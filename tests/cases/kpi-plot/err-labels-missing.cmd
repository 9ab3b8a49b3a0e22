kpi-plot bars --x channel --y cac_fully_loaded --labels no-such-labels.csv < cac.csv
