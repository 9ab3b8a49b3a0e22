kpi-plot waterfall --y start,new,reactivation,expansion,-contraction,-churn,end --row 9 bridge.csv
