printf 'period,holdout,actual_cumulative,bgnbd_cumulative\n1,0,1,1\n2,1,2,2\n3,0,3,3\n' | kpi-plot tracking
