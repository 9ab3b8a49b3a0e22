lead-convert --asof 2024-03-31T00:00:00Z --stale 30 ../cycle-length/stale.csv
