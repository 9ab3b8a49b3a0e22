lead-convert --annotate has-reached-stage.csv
