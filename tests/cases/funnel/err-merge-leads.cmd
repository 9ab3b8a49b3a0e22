funnel --merge --stages lead,mql,customer --by channel ../lead-convert/small.csv
