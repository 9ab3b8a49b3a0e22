clv --summary --refunds drop --preset-file shop.presets --preset shop-orders shop.csv
