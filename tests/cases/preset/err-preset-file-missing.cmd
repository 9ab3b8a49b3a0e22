lead-convert --preset-file no-such.presets hubspot-contacts.csv
