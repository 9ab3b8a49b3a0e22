pipeline --stages-table --period month stages.csv
