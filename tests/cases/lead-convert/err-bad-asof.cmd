lead-convert --asof 2024-02-30 small.csv
