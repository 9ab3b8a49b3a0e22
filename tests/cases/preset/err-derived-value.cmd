lead-convert --preset hubspot-contacts --stages lead,customer hubspot-baddate.csv
