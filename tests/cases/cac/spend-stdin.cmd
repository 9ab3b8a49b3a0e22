cac --spend - leads.csv < spend.csv
