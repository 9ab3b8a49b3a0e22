# two spend files are one table: the same numbers as basic (spend.csv
# split in two, the second with its columns in another order)
cac --spend spend-a.csv --spend spend-b.csv leads.csv
