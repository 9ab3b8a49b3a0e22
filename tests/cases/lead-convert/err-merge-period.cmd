lead-convert --partial --period month small.csv | lead-convert --merge --period quarter
