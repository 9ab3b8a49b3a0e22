kpi-plot waterfall --y start,new,reactivation,expansion,-contraction,-churn,end --row 0 bridge.csv
