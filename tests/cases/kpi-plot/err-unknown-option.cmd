kpi-plot funnel --colour < funnel.csv
