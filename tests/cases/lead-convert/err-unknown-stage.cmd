lead-convert --stage-col stage badstage.csv
