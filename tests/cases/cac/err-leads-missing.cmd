cac --spend spend.csv no-such-file.csv
