kpi-plot waterfall --y start,new,reactivation,expansion,-contraction,-churn,end --group segment --width 72 bridge-segment.csv
