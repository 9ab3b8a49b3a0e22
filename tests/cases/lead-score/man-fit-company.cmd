cd "$ROOT" || exit 1
lead-score --fit logit --factor channel,segment --window 90 examples/leads.csv | cut -d, -f1,2,6-8
