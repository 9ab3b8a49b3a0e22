pipeline --jobs 2 --period month levers.csv
