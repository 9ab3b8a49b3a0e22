kpi-plot funnel .
