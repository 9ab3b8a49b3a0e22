cac --spend twostage-spend.csv --stages lead,won --by channel twostage.csv
