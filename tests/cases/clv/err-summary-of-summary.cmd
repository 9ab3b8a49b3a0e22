clv --summary sum-nodrop.csv
