lead-convert --asof 3/14/2026 small.csv
