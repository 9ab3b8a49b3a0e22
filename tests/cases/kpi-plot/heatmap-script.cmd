kpi-plot heatmap --script -o cohorts.png cohorts.csv
