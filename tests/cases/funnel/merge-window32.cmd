funnel --merge --stages lead,mql,customer --by channel --window 32 --lost partial.csv
