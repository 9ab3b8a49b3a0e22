clv --fit ggamma sum-negm.csv
