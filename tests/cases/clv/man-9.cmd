cd "$ROOT" || exit 1
tr -d '\r' <tests/data/clv/CDNOW_sample.txt |
    awk 'BEGIN { print "customer_id,date,amount" } { print $2 "," $3 "," $5 }' |
    clv --validate errors --fit bgnbd,paretonbd --unit weeks --date-format %Y%m%d --calibration-end 1997-09-30
