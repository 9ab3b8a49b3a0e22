cac --spend-preset google-ads --spend-preset meta-ads --spend spend.csv leads.csv
