sed -n '1p;5p' ../lead-convert/counted-bad.csv | funnel --count-col leads --stages lead,customer
