kpi-plot heatmap --where 'segment=a
b' cohorts-segment.csv
