lead-convert --header 'id,,created_at' small.csv
