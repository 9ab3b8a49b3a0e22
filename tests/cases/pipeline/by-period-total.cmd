pipeline --period quarter --total levers.csv
