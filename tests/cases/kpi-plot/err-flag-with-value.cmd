kpi-plot funnel --script=yes < funnel.csv
