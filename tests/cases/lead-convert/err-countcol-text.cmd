sed -n '1p;6p' counted-bad.csv | lead-convert --count-col leads --stages lead,customer
