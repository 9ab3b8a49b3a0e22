revenue --skip-bad bad-amount.csv
