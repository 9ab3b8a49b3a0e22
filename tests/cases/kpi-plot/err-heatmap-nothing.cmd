printf 'cohort,age,rate\n2025-Q1,0,\n2025-Q1,1,\n' | kpi-plot heatmap
