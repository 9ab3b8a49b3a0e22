cac --spend-preset hubspot-deals --spend google-ads.csv hubspot-contacts.csv
