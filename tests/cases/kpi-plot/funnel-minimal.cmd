printf "stage,count\nvisit,120\nsignup,33\npaid,4\n" | kpi-plot funnel --title ""
