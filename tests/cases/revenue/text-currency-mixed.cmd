# "USD 100.00" then "EUR 100.00" through a preset's money column: the
# currency read from the text counts like a currency column, so the third
# order is an error naming both currencies and where the first was seen.
revenue --preset-file shop.presets --preset shop text-currency-mixed.csv
