lead-score --fit logit --x score --outcome won --join eval-deals.csv eval-main.csv
