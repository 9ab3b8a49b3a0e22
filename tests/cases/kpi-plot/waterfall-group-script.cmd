kpi-plot waterfall --y start,new,reactivation,expansion,-contraction,-churn,end --group segment -o bridge.png --script bridge-segment.csv
