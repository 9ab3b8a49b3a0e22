cd "$ROOT" || exit 1
pipeline --levers --by segment --period quarter examples/leads.csv | cut -d, -f1,2,16-21
