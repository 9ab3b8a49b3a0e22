cac --spend no-such-file.csv leads.csv
