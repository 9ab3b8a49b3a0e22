pipeline --aging --period month levers.csv
