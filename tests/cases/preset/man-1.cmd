cd "$ROOT" || exit 1
lead-convert --preset hubspot-contacts --explain --by channel tests/cases/preset/hubspot-contacts.csv
