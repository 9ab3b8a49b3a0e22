grep -v 2026-Q2 cac.csv | kpi-plot bars --x channel --y cac_fully_loaded
