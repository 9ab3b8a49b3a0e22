funnel --lost --stage-col stage ../lead-convert/stagecol.csv
