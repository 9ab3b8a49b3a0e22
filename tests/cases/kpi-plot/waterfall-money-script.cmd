kpi-plot waterfall --y start,new,reactivation,expansion,-contraction,-churn,end --money '€' --money-suffix ' EUR' --script < bridge.csv
