pipeline --levers --period quarter --total levers.csv
