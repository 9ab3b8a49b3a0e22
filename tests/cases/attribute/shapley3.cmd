attribute --paths --bootstrap 0 --model shapley,linear shapley3.csv
