lead-convert duphdr.csv
