mkdir "$TMP/man-9" && cd "$TMP/man-9" && ln -s "$ROOT/examples" examples || exit 1
lead-score --rules examples/lead-rules.csv --asof 2026-09-30 examples/leads.csv |
    lead-score --evaluate score --window 90 --gains |
    kpi-plot series --x group --y cum_captured --percent -o gains.svg
lead-score --fit logit --factor channel,segment --window 90 --save-model model.csv examples/leads.csv >/dev/null &&
    lead-score --predict model.csv examples/leads.csv |
    lead-score --evaluate score --window 90 --calibration |
    kpi-plot series --x mean_score --y rate,mean_score --percent -o calibration.svg
