kpi-plot series --x period --y lead_to_customer < conversion-channel.csv
