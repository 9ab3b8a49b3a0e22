kpi-plot funnel --script --output=chart.svg --width 640 --height=480 --title "Q3: the funnel" < funnel.csv
