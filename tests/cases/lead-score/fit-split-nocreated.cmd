lead-score --fit logit --outcome admit --x gre --split-at 2024-01-01 ../../data/leadscore/ucla_admissions.csv
