revenue --period month --margin 0.4 --churn 0.25 orders.csv
