lead-convert --preset hubspot-deals --explain --by nope hubspot-deals.csv
