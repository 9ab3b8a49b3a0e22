kpi-plot heatmap --group cohort < cohorts.csv
