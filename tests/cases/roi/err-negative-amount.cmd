roi --spend gads.csv --spend-col date=Day --spend-col campaign=Campaign --spend-col amount=Cost --spend-col "currency=Currency code" --stages lead,customer --by campaign negative-amount.csv
