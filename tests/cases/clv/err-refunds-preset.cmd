clv --summary --refunds net --preset-file shop.presets --preset shop-orders shop-exceed.csv
