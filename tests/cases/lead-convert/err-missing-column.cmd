lead-convert --stages lead,mql,won small.csv
