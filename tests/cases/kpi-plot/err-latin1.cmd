printf "stage,count\nlead,10\nQualifi\351,5\n" | kpi-plot funnel
