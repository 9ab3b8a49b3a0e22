pipeline --levers --period month levers.csv
