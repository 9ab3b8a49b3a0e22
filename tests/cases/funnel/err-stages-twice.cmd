funnel --stages lead,customer --stages lead,mql,customer ../lead-convert/small.csv
