funnel --merge --stages lead,mql,customer --by channel partial-nooption.csv
