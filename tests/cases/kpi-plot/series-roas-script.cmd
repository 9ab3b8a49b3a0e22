kpi-plot series --x period --y roas --script < money.csv
