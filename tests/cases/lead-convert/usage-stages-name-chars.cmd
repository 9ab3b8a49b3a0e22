lead-convert --stages 'lead,closed won' small.csv
