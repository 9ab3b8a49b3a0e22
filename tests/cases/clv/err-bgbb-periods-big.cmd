clv --model bgbb bgbb-periods-big.csv
