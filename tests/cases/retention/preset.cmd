retention --preset-file shop.presets --preset shop-orders shop.csv
