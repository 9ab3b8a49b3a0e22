cac --spend spend.csv --total leads.csv header-only-leads.csv
