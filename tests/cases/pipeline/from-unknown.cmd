pipeline --from deal levers.csv
