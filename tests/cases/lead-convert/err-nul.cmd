lead-convert nul.csv
