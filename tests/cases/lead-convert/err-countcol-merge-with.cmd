lead-convert --partial counted.csv | lead-convert --merge --count-col leads
