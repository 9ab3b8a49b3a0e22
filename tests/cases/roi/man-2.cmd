cd "$ROOT" || exit 1
roi --by channel --period year --fiscal-year-start oct --kind marketing \
    --margin 0.8 --spend examples/spend.csv examples/leads.csv |
    sed 1d | sort -t, -k7,7gr | head -n 3
