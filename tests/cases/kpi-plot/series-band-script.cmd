kpi-plot series --x period --y lead_to_customer --script -o conversion.png < conversion.csv
