roi --stages lead,customer --spend ../cac/twostage-spend.csv big-deals-one-period.csv
