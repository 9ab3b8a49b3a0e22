sed -n '1p;8p' counted-bad.csv | lead-convert --count-col leads --stages lead,customer
