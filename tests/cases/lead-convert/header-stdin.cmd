tail -n +2 small.csv | lead-convert --header id,created_at,mql_at,sql_at,opportunity_at,customer_at,lost_at,channel,segment --by channel
