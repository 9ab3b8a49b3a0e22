kpi-plot bars --x channel --y cac_fully_loaded --group period --money '$' --script -o cac.svg < cac.csv
