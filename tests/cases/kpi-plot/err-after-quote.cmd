printf "stage,count\n\"lead\" ,10\n" | kpi-plot funnel
