kpi-plot bars --x channel --y cac_marketing --no-band < cac.csv
