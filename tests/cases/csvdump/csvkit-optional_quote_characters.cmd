csvdump ../../data/csvkit/optional_quote_characters.csv
