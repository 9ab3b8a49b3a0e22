cut -d, -f2- ../lead-convert/counted.csv | funnel --partial --count-col leads --lost | funnel --merge --count-col leads --lost
