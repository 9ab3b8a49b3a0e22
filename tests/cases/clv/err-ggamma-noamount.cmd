clv --fit ggamma sum-nodrop.csv
