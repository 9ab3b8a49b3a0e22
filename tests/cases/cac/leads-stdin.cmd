cac --spend spend.csv < leads.csv
