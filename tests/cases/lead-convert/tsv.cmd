lead-convert -d tab --by channel leads.tsv
