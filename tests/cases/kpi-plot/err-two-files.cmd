kpi-plot funnel funnel.csv funnel.csv
