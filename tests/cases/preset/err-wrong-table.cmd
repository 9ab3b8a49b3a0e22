lead-convert --preset google-ads hubspot-contacts.csv
