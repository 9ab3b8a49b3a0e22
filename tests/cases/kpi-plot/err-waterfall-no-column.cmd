kpi-plot waterfall --y start,new,-lost,end < bridge.csv
