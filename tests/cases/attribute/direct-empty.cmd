attribute --direct "" example.csv
