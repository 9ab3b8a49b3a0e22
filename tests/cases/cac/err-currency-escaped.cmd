cac --spend currency-newline.csv leads.csv
