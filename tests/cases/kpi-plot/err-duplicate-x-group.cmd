kpi-plot bars --x channel --y cac_marketing --group channel < cac.csv
