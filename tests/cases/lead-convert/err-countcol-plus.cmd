sed -n '1p;10p' counted-bad.csv | lead-convert --count-col leads --stages lead,customer
