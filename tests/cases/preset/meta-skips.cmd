cac --preset hubspot-contacts --spend-preset meta-ads --spend meta-ads.csv --by channel hubspot-contacts.csv
