cd "$ROOT" || exit 1
lead-convert --annotate examples/leads.csv |
    lead-convert --stage-col reached_stage --by segment
