lead-convert --preset hubspot-deals --explain hubspot-deals.csv
