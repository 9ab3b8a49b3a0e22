lead-convert --preset hubspot-contacts --stages lead,customer --col created='Create Date#2' --period year hubspot-multi.csv
