lead-convert --by segment --ofs space small.csv
