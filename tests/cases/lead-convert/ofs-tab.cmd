lead-convert -d tab --by segment --ofs tab small-quotes.tsv
