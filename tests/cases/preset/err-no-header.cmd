cac --spend-preset google-ads --spend hubspot-contacts.canonical.csv hubspot-contacts.canonical.csv
