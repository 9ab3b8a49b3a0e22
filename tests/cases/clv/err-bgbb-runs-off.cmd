clv --model bgbb bgbb-everyone.csv
