printf 'cohort,age,rate\n2025-Q1,0,1\n2025-Q1,1,0.5\n2025-Q1,1,0.4\n' | kpi-plot heatmap
