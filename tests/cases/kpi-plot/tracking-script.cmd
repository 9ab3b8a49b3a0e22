kpi-plot tracking --script tracking.csv
