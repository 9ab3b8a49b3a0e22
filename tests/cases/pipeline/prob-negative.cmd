sed 's/,0.15$/,-0.1/' stages.csv | pipeline --stages-table --prob-col probability
