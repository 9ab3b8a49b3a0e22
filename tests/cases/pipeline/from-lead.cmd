pipeline --stages lead,opportunity,customer --from lead levers.csv
