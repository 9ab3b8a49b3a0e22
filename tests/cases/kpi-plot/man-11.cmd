cd "$ROOT" || exit 1
clv --validate tracking --fit bgnbd,paretonbd --unit weeks --calibration-end 2026-03-31 examples/orders.csv |
    kpi-plot tracking --x period
