kpi-plot heatmap < conversion.csv
