kpi-plot tracking --y actual_cumulative tracking.csv
