kpi-plot waterfall --x period --y start,new,end bridge.csv
