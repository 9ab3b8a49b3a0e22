retention --project 3 --reactivation-window 1 project-small.csv
