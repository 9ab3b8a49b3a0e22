kpi-plot heatmap --where segment=smb --where cohort=2025-Q1 --script cohorts-segment.csv
