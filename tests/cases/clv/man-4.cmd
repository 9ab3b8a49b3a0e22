cd "$ROOT" || exit 1
clv --predict --horizon 52 --unit weeks --col customer=ID --col frequency=x \
    --col recency=t_x --col monetary_value=zbar \
    tests/data/clv/cdnow_customers_summary_with_transactions.csv |
    sort -t, -k9,9gr | head -n 4
