cd "$ROOT" || exit 1
lead-score --fit logit --outcome admit --x gre,gpa --factor rank tests/data/leadscore/ucla_admissions.csv
