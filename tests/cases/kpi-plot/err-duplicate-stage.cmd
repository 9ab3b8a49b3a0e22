printf "stage,count\nlead,10\nlead,5\n" | kpi-plot funnel
