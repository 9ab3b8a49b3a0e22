attribute --leads leads-empty-id.csv leads-touches.csv
