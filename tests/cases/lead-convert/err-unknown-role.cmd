lead-convert --col creatd=Created small.csv
