cd "$ROOT" || exit 1
attribute --paths --model markov,linear tests/cases/attribute/example.csv
