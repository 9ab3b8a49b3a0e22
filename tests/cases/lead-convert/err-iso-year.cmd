# An ISO date in the year 26 (a spreadsheet's two-digit year padded): an
# error with the hint, from the built-in forms too.
lead-convert --period quarter iso-year-26.csv
