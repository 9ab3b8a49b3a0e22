kpi-plot --version
