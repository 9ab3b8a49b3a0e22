# two spend files, each with its own column order, are one table: the
# same as by-channel-style roi on spend.csv, the two of them concatenated
roi --by channel --spend ../cac/spend-a.csv --spend ../cac/spend-b.csv ../cac/leads.csv
