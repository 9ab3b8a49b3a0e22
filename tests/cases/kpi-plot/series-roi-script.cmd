kpi-plot series --x period --y roi --script -o roi.svg < money.csv
