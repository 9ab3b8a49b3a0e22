lead-convert --stages lead,customer --header id,created_at,customer_at small.csv
