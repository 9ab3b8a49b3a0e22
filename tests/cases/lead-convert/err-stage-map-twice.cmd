lead-convert --stage-col stage --stage-map 'Won=customer' --stage-map ' won =lead' stagecol.csv
