cycle-length --count-col leads ../lead-convert/counted.csv
