cd "$ROOT" || exit 1
cycle-length --annotate --ofs tab examples/leads.csv |
    lead-convert -d tab --by channel
