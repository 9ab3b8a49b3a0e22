retention --subscriptions chartmogul.csv
