cd "$ROOT" || exit 1
cac --by channel --period year --fiscal-year-start oct --precision 0 \
    --spend examples/spend.csv examples/leads.csv | cut -d, -f1,2,5-7
