cycle-length --stages lead,customer --asof 2024-07-01T00:00:00Z --by x --within 5,8,12,23,27,30,33,43,45 aml.csv
