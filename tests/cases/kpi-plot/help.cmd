kpi-plot --help
