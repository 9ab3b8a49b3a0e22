clv --unit days --unit weeks --summary orders.csv
