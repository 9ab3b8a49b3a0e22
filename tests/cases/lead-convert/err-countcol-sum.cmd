awk 'BEGIN { print "id,created_at,customer_at,leads"; for (i = 1; i <= 1024; i++) print i ",2024-01-01,2024-01-02,9007199254740992" }' | lead-convert --count-col leads --stages lead,customer
