cut -d, -f1-7 levers.csv | pipeline
