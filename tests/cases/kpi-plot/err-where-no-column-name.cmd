kpi-plot heatmap --where =smb cohorts-segment.csv
