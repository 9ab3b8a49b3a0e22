# A currency column: 'usd' is USD (letter case aside), EUR on line 4 is not.
revenue currency-column-mixed.csv
