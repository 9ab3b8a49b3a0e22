cd "$ROOT" || exit 1
clv --fit bgnbd --unit weeks --observation-end 1997-09-30 -d space \
    --header master_id,customer_id,date,cds,amount --date-format %Y%m%d \
    tests/data/clv/CDNOW_sample.txt
