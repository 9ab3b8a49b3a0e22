mkdir "$TMP/man-7" && cd "$TMP/man-7" && ln -s "$ROOT/examples" examples || exit 1
retention --period quarter examples/orders.csv |
    kpi-plot waterfall --y start,new,reactivation,expansion,-contraction,-churn,end -o bridge.png
