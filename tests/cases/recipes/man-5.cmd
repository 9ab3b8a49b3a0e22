cd "$ROOT" || exit 1
clv --summary --refunds net --preset-file tests/cases/clv/shop.presets \
    --preset shop-orders tests/cases/clv/shop.csv
