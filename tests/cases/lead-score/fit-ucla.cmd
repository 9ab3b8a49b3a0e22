lead-score --fit logit --outcome admit --x gre,gpa --factor rank ../../data/leadscore/ucla_admissions.csv
