kpi-plot waterfall --y start,new,-end bridge.csv
