roi --spend gads.csv --spend-col date=Day --spend-col amount=Cost --by campaign campaign-leads.csv
