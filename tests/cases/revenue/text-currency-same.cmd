# One currency in the text (and a plain amount, which names none): added.
# By hand: 100 + 1,200.50 + 100 = 1400.5 over 3 orders (aov 466.833333)
# and 2 customers (700.25 each, 1.5 orders each).
revenue --preset-file shop.presets --preset shop text-currency-same.csv
