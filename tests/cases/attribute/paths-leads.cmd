attribute --paths --leads leads.csv example.csv
