kpi-plot waterfall --y start,new,reactivation,expansion,-contraction,-churn,end --group segment --row 1 --script bridge-segment.csv
