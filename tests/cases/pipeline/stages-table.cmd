pipeline --stages-table --from sql stages.csv
