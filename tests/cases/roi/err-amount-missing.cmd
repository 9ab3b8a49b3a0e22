roi --spend ../cac/twostage-spend.csv --stages lead,won ../cac/twostage.csv
