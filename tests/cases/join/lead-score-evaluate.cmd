lead-score --evaluate score --stages lead,customer --asof 2024-06-30 --join eval-deals.csv eval-main.csv
