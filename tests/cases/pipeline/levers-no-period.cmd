pipeline --levers levers.csv
