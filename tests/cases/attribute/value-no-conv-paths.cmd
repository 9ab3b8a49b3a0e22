attribute --paths value-no-conv-paths.csv
