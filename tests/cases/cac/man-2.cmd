cd "$ROOT" || exit 1
cac --mrr-col mrr --margin 0.8 --precision 1 \
    --spend examples/spend.csv examples/leads.csv | cut -d, -f1,4,6-8
