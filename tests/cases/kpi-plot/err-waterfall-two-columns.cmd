kpi-plot waterfall --y start,end bridge.csv
