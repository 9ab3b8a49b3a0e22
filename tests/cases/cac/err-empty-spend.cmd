cac --spend /dev/null leads.csv
