kpi-plot heatmap --y cohort,age < cohorts.csv
