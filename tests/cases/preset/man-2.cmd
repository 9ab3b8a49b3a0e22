cd "$ROOT" || exit 1
cac --preset hubspot-contacts --spend-preset google-ads --spend tests/cases/preset/google-ads.csv --by channel tests/cases/preset/hubspot-contacts.csv
