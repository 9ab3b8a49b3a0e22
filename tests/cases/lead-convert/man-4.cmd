cd "$ROOT" || exit 1
parallel --keep-order --pipepart -a examples/leads.csv --header : --block 100k lead-convert --partial --by channel | lead-convert --merge --by channel
