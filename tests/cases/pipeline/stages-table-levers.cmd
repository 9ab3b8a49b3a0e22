pipeline --stages-table --levers --period month stages.csv
