funnel --merge --stages lead,mql,customer --by channel partial-spliced.csv
