lead-convert --count-col leads --col count=leads counted.csv
