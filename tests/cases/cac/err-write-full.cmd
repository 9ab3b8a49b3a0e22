cac --spend spend.csv leads.csv > /dev/full
