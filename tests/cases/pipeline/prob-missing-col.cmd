pipeline --stages-table --prob-col win_probability stages.csv
