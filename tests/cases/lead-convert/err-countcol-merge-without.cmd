lead-convert --partial --count-col leads counted.csv | lead-convert --merge
