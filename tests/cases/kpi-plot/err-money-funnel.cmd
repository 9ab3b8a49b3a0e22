kpi-plot funnel --money '$' < funnel.csv
