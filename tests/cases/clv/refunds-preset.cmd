clv --summary --refunds net --preset-file shop.presets --preset shop-orders shop.csv
