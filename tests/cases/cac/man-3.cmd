cd "$ROOT" || exit 1
cac --spend tests/cases/roi/gads.csv --spend-col date=Day \
    --spend-col amount=Cost --spend-col 'currency=Currency code' \
    --stages lead,customer tests/cases/roi/campaign-leads.csv
