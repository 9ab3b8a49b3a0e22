sed -n '1,2p;9p;11p' counted-bad.csv | lead-convert --count-col leads --stages lead,customer
