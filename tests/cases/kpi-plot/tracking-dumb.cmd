kpi-plot tracking --width 78 --height 24 tracking.csv
