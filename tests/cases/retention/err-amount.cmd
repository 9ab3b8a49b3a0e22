retention dollar-amount.csv
