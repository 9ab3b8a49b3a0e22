pipeline --stages-table --from sql --prob-col probability stages.csv
