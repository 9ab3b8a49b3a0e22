attribute empty-channel.csv
