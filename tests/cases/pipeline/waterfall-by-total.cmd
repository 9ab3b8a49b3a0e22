pipeline --waterfall --from-date 2025-02-28 --asof 2025-04-30T23:59:59Z --by id --total levers.csv
