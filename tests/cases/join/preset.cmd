lead-convert --preset hubspot-contacts --by channel --join hubspot-deals.csv hubspot-main.csv
