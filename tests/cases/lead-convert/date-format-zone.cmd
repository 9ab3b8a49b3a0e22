lead-convert --date-format '%d.%m.%Y %H:%M %Z' small.csv
