mkdir "$TMP/man-1" && cd "$TMP/man-1" && ln -s "$ROOT/examples" examples || exit 1
funnel --by segment examples/leads.csv | kpi-plot funnel -o funnel.png
