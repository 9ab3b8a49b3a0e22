pipeline --stages lead,opportunity,customer bigamount.csv
