cycle-length --km --to SQL small.csv
