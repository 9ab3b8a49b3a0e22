funnel --asof 2024-03-31T00:00:00Z --stale -2 ../cycle-length/stale.csv
