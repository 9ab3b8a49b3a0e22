cd "$ROOT" || exit 1
funnel --period quarter --window 90 examples/leads.csv | grep ',opportunity,'
