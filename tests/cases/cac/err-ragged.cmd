cac --spend ragged.csv leads.csv
