clv --summary --refunds net --unit weeks --calendar refunds.csv
