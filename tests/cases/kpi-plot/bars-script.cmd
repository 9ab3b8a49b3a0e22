kpi-plot bars --x channel --y cac_fully_loaded --group period --script -o cac.png < cac.csv
