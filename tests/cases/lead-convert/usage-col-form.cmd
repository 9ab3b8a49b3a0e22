lead-convert --col created small.csv
