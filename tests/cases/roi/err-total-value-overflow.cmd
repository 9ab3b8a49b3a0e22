roi --stages lead,customer --total --spend ../cac/twostage-spend.csv big-deals-two-periods.csv
