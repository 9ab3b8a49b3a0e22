lead-convert --partial --count-col leads --stages lead,customer counted-dups.csv | lead-convert --merge --col count=leads --stages lead,customer
