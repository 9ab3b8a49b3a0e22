kpi-plot waterfall --y start,new,reactivation,expansion,-contraction,-churn,end --row 1234567890 bridge.csv
