lead-convert --preset hubspot-contacts --stages lead,customer --explain hubspot-multi.csv
