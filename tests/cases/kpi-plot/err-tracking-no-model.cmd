printf 'period,holdout,actual_cumulative\n1,0,1\n' | kpi-plot tracking
