pipeline --skip-bad --stages lead,opportunity,customer badamount.csv
