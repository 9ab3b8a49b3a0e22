cd "$ROOT" || exit 1
lead-convert --stage-col stage --by channel \
    --stage-map Subscriber=lead \
    --stage-map 'Marketing Qualified Lead=mql' \
    --stage-map 'Sales Qualified Lead=sql' \
    --stage-map 'closed won=customer' \
    --stage-map 'negotiation = proposal=opportunity' \
    --stage-map =lead tests/cases/lead-convert/crm-stages.csv
