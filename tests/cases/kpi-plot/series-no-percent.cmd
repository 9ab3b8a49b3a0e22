kpi-plot series --x period --y lead_to_customer --no-band --no-percent --script < conversion.csv
