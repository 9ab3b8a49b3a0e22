kpi-plot series --x period --y lead_to_customer --where channel=email --script conversion-channel.csv
