cd "$ROOT" || exit 1
tr -d '\r' <tests/data/clv/CDNOW_sample.txt |
    awk 'BEGIN { print "customer_id,date,amount" } { print $2 "," $3 "," $5 }' |
    clv --summary --unit weeks --date-format %Y%m%d --calibration-end 1997-09-30 |
    clv --predict --unit weeks --horizon 39 |
    awk -F, 'NR > 1 { actual += $6; predicted += $10 } END { print actual, predicted }'
