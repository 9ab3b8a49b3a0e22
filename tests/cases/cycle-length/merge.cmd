cycle-length --merge --by channel --include-lost --km partial.csv
