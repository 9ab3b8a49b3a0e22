attribute value-no-conv.csv
