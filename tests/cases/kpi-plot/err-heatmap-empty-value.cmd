kpi-plot heatmap --value '' < cohorts.csv
