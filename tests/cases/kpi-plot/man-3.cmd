mkdir "$TMP/man-3" && cd "$TMP/man-3" && ln -s "$ROOT/examples" examples || exit 1
lead-convert --by channel examples/leads.csv |
    kpi-plot bars --x channel --y lead_to_customer -o channels.png
