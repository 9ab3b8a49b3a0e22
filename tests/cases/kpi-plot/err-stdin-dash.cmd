printf "stage,count\nlead,x\n" | kpi-plot funnel -
