printf "stage,count\nlead,10\n\"mql,5\nsql,3\n" | kpi-plot funnel
