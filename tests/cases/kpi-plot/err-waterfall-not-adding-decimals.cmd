printf 'start,new,churn,end\n100.25,20.5,5.125,115.635\n' | kpi-plot waterfall --y start,new,-churn,end
