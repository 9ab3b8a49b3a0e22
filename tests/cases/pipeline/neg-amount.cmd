pipeline --stages lead,opportunity,customer negamount.csv
