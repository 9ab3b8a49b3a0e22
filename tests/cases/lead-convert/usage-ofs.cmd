lead-convert --ofs '"' small.csv
