kpi-plot waterfall --y start,new,reactivation,expansion,-contraction,-churn,end --where period=2025-Q1 --title 'MRR bridge' -o bridge.svg --script bridge.csv
