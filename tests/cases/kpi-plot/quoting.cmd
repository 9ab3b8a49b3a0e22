kpi-plot bars --x channel --y rate --script < quoting.csv
