kpi-plot series --x period --y amount --money '$' --script -o money.svg < money.csv
