cac -d tab --spend spend.tsv --by channel leads.tsv
