lead-score --evaluate score --stages lead,customer --asof 2024-06-30 eval-joined.csv
