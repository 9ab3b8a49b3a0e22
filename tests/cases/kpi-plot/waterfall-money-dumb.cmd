kpi-plot waterfall --y start,new,reactivation,expansion,-contraction,-churn,end --money '$' < bridge.csv
