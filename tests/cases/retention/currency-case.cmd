retention one-currency.csv
