tr , ';' <small.csv | lead-convert -d ';' --partial --by channel --window 30 | lead-convert -d ';' --merge --by channel --window 30
