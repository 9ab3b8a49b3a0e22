lead-score --fit logit --outcome admit --x gre --x gpa --factor rank --fit-stats ../../data/leadscore/ucla_admissions.csv
