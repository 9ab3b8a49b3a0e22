sed -n '1p;5p' counted-bad.csv | lead-convert --count-col leads --stages lead,customer
