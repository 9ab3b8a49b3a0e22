funnel order.csv
