printf 'period,start,new,churn,end\n2026-Q1,100,20,5,115\n2026-Q2,115,30,10,140\n' | kpi-plot waterfall --y start,new,-churn,end --row 2
