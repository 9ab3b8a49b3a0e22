cycle-length --km --by channel allopen.csv
