attribute --paths --path-sep "|" --bootstrap 0 --model first,last,shapley sep.csv
