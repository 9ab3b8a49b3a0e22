pipeline --prob-col probability stages.csv
