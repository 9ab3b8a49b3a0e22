kpi-plot heatmap --where segment=smb cohorts-segment.csv
