printf 'cohort,age,rate\n2025-Q1,0,1\n,1,0.5\n' | kpi-plot heatmap
