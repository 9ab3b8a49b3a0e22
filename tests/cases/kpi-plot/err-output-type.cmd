kpi-plot funnel -o funnel.pdf < funnel.csv
