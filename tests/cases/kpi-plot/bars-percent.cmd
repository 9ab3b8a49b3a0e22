kpi-plot bars --x channel --y new_customers --percent --script < cac.csv --group period
