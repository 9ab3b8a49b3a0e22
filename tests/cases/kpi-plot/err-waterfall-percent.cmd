kpi-plot waterfall --y start,new,end --no-percent bridge.csv
