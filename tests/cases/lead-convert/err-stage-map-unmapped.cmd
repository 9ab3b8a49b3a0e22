lead-convert --stage-col stage --stage-map Subscriber=lead --stage-map 'Closed Won=customer' crm-stages.csv
