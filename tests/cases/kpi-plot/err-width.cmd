kpi-plot funnel --width 12x < funnel.csv
