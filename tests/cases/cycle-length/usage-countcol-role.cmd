cycle-length --col count=leads ../lead-convert/counted.csv
