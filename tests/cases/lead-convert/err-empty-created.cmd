lead-convert nocreated.csv
