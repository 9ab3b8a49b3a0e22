E="$ROOT/tests/unit/example-tool"
"$E" --partial --by channel ../lead-convert/small.csv | "$E" --merge --by channel
