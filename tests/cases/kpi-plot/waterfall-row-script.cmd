kpi-plot waterfall --y start,new,reactivation,expansion,-contraction,-churn,end --row 2 --script bridge.csv
