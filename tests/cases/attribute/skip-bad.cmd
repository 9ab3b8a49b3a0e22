attribute --paths --skip-bad --bootstrap 0 --model first empty-step.csv
