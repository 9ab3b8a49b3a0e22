cac --spend spend.csv < /dev/null
