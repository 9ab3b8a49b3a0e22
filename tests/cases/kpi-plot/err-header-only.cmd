head -1 funnel.csv | kpi-plot funnel
