funnel --merge --stages lead,mql,customer --by channel partial-after-end.csv
