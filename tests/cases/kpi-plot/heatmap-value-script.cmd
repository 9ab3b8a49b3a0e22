kpi-plot heatmap --value revenue --no-percent --title Revenue --script -o revenue.svg < cohorts.csv
