printf 'cohort,age,rate\n2025-Q1,0,1\n2025-Q1,1,50%%\n' | kpi-plot heatmap
