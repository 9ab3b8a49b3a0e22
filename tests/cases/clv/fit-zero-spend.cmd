clv --fit ggamma fit-zero-spend.csv | cut -d, -f1,2
