lead-convert --by channel --ofs ';' small.csv
