cd "$ROOT" || exit 1
retention --period quarter examples/orders.csv |
    kpi-plot waterfall --y start,new,reactivation,expansion,-contraction,-churn,end --money '$'
