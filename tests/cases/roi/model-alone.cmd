roi --model first --spend attr-spend.csv --by channel attr-touches.csv
