kpi-plot waterfall --y start,new,reactivation,expansion,-contraction,-churn,end bridge.csv
