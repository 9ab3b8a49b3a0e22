sed 's/,0.15$/,15%/' stages.csv | pipeline --stages-table --prob-col probability
