cd "$ROOT" || exit 1
tr -d '\r' <tests/data/clv/CDNOW_sample.txt |
    awk 'BEGIN { print "customer_id,date,amount" } { print $2 "," $3 "," $5 }' |
    clv --summary --unit weeks --date-format %Y%m%d --observation-end 1997-09-30 |
    clv --fit bgnbd,ggamma
