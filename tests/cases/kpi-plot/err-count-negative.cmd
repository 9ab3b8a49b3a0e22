printf "stage,count\nlead,10\nmql,-1\n" | kpi-plot funnel
