kpi-plot funnel --script < evil-funnel.csv
