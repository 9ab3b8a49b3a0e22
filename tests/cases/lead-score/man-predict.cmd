cd "$ROOT" || exit 1
lead-score --fit logit --factor channel,segment --window 90 --split-at 2026-04-01 --save-model "${TMP:-/tmp}/model.csv" examples/leads.csv >/dev/null && lead-score --predict "${TMP:-/tmp}/model.csv" examples/leads.csv | sed -n 1,3p | cut -d, -f1,3,4,14
