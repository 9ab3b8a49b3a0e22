revenue bad-date.csv
