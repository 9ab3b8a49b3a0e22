retention --subscriptions chartmogul-days.csv
