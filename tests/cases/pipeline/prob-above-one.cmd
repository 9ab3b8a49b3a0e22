sed 's/,0.15$/,1.5/' stages.csv | pipeline --stages-table --prob-col probability
