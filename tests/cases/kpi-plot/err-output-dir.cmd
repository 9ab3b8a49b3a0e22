kpi-plot funnel -o no-such-dir/funnel.png < funnel.csv
