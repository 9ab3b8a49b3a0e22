# Symbols count as their codes: $ is USD, £ GBP; the second row is an error.
revenue --preset-file shop.presets --preset shop text-currency-symbols.csv
