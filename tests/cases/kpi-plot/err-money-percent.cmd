kpi-plot series --x period --y roi --money '$' --percent < money.csv
