lead-convert small.csv > /dev/full
