printf "stage,count\nlead,10\nm\000ql,5\n" | kpi-plot funnel
