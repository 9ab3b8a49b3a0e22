kpi-plot funnel --percent < funnel.csv
