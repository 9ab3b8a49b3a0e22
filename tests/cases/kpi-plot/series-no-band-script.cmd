kpi-plot series --x period --y lead_to_customer --group channel --no-band --script -o conversion.png < conversion-channel.csv
