printf 'id,channel,created_at,customer_at,amount,n\n1,web,2024-01-01,2024-01-02,4611686018427.387903,2\n' | roi --count-col n --stages lead,customer --spend ../cac/spend.csv
