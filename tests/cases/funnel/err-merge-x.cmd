funnel --merge --stages lead,mql,customer --no-dedup --by channel partial-x.csv
