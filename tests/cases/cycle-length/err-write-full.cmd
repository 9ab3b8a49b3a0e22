cycle-length small.csv > /dev/full
