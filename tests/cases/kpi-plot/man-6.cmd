mkdir "$TMP/man-6" && cd "$TMP/man-6" && ln -s "$ROOT/examples" examples || exit 1
retention --cohorts --period quarter examples/orders.csv |
    kpi-plot heatmap -o cohorts.svg
