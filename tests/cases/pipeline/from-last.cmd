pipeline --from customer levers.csv
