kpi-plot funnel -o f.png --height 50 < funnel.csv
