printf "stage,count\nlead,10\nmql,5,3\n" | kpi-plot funnel
