cd "$ROOT" || exit 1
parallel --keep-order --pipepart -a examples/leads.csv --header : --block 100k cycle-length --partial --from opportunity --by channel | cycle-length --merge --from opportunity --by channel --km
