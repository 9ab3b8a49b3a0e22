cd "$ROOT" || exit 1
retention --subscriptions tests/cases/retention/moves.csv
