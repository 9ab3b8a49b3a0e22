"$ROOT/tests/unit/example-tool" --total --period quarter ../lead-convert/small.csv
