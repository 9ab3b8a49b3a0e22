lead-convert no-layout-date.csv
