# With %y after %Y both widths read: two leads of 2026-Q1.
lead-convert --date-format %m/%d/%Y --date-format %m/%d/%y --period quarter two-digit-year.csv
