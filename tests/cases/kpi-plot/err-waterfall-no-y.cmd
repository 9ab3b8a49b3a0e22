kpi-plot waterfall bridge.csv
