cd "$ROOT" || exit 1
clv --predict --horizon 52 --unit weeks --interval 0.95 --total --col customer=ID \
    --col frequency=x --col recency=t_x --col monetary_value=zbar \
    tests/data/clv/cdnow_customers_summary_with_transactions.csv | sed -n '1p;$p'
