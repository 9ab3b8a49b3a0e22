lead-convert --col created=created_at#2 duphdr.csv
