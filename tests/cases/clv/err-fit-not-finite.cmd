clv --fit ggamma sum-huge-monetary.csv
