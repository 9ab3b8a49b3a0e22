clv --fit paretonbd sum-extreme-pareto.csv
