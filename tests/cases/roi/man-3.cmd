cd "$ROOT" || exit 1
roi --by campaign --spend tests/cases/roi/gads.csv --spend-col date=Day \
    --spend-col campaign=Campaign --spend-col amount=Cost \
    --spend-col 'currency=Currency code' --stages lead,customer \
    tests/cases/roi/campaign-leads.csv
