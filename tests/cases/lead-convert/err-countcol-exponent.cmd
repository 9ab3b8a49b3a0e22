sed -n '1p;7p' counted-bad.csv | lead-convert --count-col leads --stages lead,customer
