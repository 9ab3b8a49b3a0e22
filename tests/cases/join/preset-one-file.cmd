lead-convert --preset hubspot-contacts --by channel ../preset/hubspot-contacts.csv
