mkdir "$TMP/man-5" && cd "$TMP/man-5" && ln -s "$ROOT/examples" examples || exit 1
lead-convert --period quarter examples/leads.csv |
    kpi-plot series --x period --y lead_to_mql,lead_to_customer -o cohorts.png --script > cohorts.gp
