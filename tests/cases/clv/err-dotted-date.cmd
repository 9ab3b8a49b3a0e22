clv --summary dotted-date.csv
