clv --fit paretonbd sum-nodrop.csv
