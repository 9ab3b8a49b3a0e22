kpi-plot waterfall --y start,new,reactivation,expansion,-contraction,-churn,end --where segment=smb --row 3 bridge-segment.csv
