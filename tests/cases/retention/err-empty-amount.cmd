retention empty-amount.csv
