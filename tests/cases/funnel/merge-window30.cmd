funnel --merge --stages lead,mql,customer --by channel --window 30 --lost partial.csv
