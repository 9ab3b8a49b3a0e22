cycle-length --merge --by channel --include-lost --within 1,2,2.5,3 partial.csv
