kpi-plot funnel < /dev/null
