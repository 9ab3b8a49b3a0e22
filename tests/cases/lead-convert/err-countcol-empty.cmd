sed -n '1p;3p' counted-bad.csv | lead-convert --count-col leads --stages lead,customer
