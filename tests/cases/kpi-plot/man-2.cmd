mkdir "$TMP/man-2" && cd "$TMP/man-2" && ln -s "$ROOT/examples" examples || exit 1
lead-convert --period quarter --by channel examples/leads.csv |
    kpi-plot series --x period --y lead_to_customer --group channel -o conversion.svg
