funnel --merge --stages lead,mql,customer --no-dedup --by channel --total partial-total.csv
