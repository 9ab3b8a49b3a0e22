lead-score --fit logit --outcome y --x x1,x2 --l2 1 --save-model /nonexistent/dir/model.csv sep-both.csv
