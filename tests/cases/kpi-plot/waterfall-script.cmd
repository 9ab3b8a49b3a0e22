kpi-plot waterfall --y start,new,reactivation,expansion,-contraction,-churn,end --script < bridge.csv
