retention --cohorts --reactivation-window 2 orders-moves.csv
