kpi-plot funnel funnel-segment.csv
