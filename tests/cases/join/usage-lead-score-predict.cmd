lead-score --predict model.csv --join eval-deals.csv eval-main.csv
