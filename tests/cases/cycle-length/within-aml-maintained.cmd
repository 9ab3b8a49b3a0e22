cycle-length --stages lead,customer --asof 2024-07-01T00:00:00Z --by x --within 9,13,18,23,31,34,48,161,162 aml.csv
