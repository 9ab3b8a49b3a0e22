kpi-plot funnel --script < funnel.csv
