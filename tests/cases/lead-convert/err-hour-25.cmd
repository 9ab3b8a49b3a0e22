lead-convert badhour.csv
