lead-convert --skip-bad somebad.csv
