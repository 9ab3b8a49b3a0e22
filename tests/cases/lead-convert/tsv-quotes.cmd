lead-convert -d tab --by segment small-quotes.tsv
