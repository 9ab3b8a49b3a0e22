funnel --preset pipedrive-deals --explain pipedrive-deals-old.csv
