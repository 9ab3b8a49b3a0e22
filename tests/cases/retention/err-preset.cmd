retention --subscriptions --preset-file shop.presets --preset shop-orders moves.csv
