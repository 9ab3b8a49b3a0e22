lead-convert --stages created,customer date-beside-datetime.csv
