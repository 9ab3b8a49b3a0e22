pipeline --preset-file money.presets --preset money --from lead money-ambiguous.csv
