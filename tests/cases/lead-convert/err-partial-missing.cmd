lead-convert --partial --by channel no-such-file.csv
