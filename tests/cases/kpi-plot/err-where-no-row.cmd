kpi-plot heatmap --where segment=mid --where cohort=2025-Q1 cohorts-segment.csv
