pipeline --stages lead,opportunity,customer badamount.csv
