cd "$ROOT" || exit 1
roi --by channel --period year --fiscal-year-start oct --precision 2 \
    --spend examples/spend.csv examples/leads.csv
