kpi-plot heatmap --row 1 cohorts.csv
