"$ROOT/tests/unit/example-tool" --by channel ../lead-convert/small.csv
