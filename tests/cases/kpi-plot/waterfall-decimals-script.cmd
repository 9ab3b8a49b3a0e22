kpi-plot waterfall --y start,new,reactivation,expansion,-contraction,-churn,end --row 1 --script bridge-decimals.csv
