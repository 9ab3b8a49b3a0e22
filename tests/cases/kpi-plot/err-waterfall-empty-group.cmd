kpi-plot waterfall --y start,new,end --group , bridge.csv
