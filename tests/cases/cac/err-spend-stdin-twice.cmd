cac --spend - --spend - leads.csv <spend.csv
