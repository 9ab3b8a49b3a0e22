printf 'period,holdout,actual_cumulative,bgnbd_cumulative\n1,0,1,1\n2,yes,2,2\n' | kpi-plot tracking
