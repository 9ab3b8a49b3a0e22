# 1/6/26 read with %m/%d/%Y is the year 26: an error with the hint, not a
# cohort 0026-Q1 (line 3; nothing on stdout).
lead-convert --date-format %m/%d/%Y --period quarter two-digit-year.csv
