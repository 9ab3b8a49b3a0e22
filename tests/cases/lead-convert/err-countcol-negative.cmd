sed -n '1p;4p' counted-bad.csv | lead-convert --count-col leads --stages lead,customer
