cac --spend overflow-total.csv --by channel --total leads.csv
