mkdir "$TMP/kpi-report-man-5" && cd "$TMP/kpi-report-man-5" && ln -s "$ROOT/examples" examples && sed '1c Record ID,Company name,Original Traffic Source,Segment,Create Date,Became a Marketing Qualified Lead Date,Became a Sales Qualified Lead Date,Became an Opportunity Date,Became a Customer Date,Lost Date,Recent Deal Amount,MRR,Notes' examples/leads.csv >hubspot-contacts.csv && for a in 1 2; do awk -F, -v a=$a 'BEGIN { print "Campaign performance report"; print "Account " a; print "Day,Campaign,Currency code,Cost" } $2 == "paid_search" && $3 == "marketing" && ($1 < "2025-07-01") == (a == 1) { d = $1; gsub("-", "/", d); print d ",Brand - Search," $5 "," $4; t += $4 } END { print "Total: Account,,USD," t }' examples/spend.csv >ads-account-$a.csv || exit 1; done
kpi-report -q --preset hubspot-contacts --col 'lost=Lost Date' \
    --leads hubspot-contacts.csv --spend-preset google-ads \
    --spend ads-account-1.csv --spend ads-account-2.csv \
    --asof 2026-10-01 --out reports
