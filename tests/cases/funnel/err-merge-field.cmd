funnel --merge --stages lead,mql,customer --no-dedup --by channel partial-field.csv
