printf "stage,count\nlead,10\nm\"ql,5\n" | kpi-plot funnel
