cac --spend header-only-spend.csv --by channel --total header-only-leads.csv
