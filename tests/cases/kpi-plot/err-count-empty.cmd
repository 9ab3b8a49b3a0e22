printf "stage,count\nlead,10\nmql,\n" | kpi-plot funnel
