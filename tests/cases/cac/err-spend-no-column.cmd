cac --spend twostage.csv leads.csv
