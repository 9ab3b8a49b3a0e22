lead-convert --col count=leads --period quarter counted.csv
