pipeline --stage-col stage levers.csv
