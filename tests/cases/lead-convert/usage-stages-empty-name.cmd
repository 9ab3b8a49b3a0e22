lead-convert --stages 'lead,,customer' small.csv
