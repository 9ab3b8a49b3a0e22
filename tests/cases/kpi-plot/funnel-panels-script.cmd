kpi-plot funnel --script -o funnel.png < funnel-segment.csv
