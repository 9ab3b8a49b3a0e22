pipeline --period month levers.csv
