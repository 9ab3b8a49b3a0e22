kpi-plot waterfall --y start,new,reactivation,expansion,-contraction,-churn,end --group segment --row 3 bridge-segment.csv
