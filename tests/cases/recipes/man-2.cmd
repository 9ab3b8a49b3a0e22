cd "$ROOT" || exit 1
lead-convert --stages lead,mql,customer --col id='Record ID' \
    --col created='Create Date#1' --col mql='Became a MQL Date' \
    --col customer='Became a Customer Date' \
    --date-format '%m/%d/%Y %H:%M' --by 'Original Source' \
    tests/cases/lead-convert/mapped.csv
