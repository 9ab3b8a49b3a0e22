kpi-plot tracking --group holdout tracking.csv
