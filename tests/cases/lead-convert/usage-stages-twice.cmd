lead-convert --stages lead,mql,MQL small.csv
