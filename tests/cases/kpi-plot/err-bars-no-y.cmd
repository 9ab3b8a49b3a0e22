kpi-plot bars --x channel < cac.csv
