lead-convert --preset-file acme.presets --preset acme-crm -d ';' --by channel acme.csv
