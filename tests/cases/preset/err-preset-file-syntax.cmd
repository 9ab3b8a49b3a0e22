lead-convert --preset-file badpreset.presets hubspot-contacts.csv
