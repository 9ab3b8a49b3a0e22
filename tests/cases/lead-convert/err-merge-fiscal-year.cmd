lead-convert --partial --period quarter --fiscal-year-start 4 small.csv | lead-convert --merge --period quarter
