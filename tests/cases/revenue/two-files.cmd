revenue --period month --total orders.csv more.csv
