kpi-plot funnel --x stage < funnel.csv
