lead-convert --preset-file zone.presets --preset z ../lead-convert/small.csv
