{ awk -v counts=1000,631,468,382,326,289,262,241 -v year=2000 -v id=r -v segment=regular -v header=1 -f survivors.awk
  awk 'BEGIN { for (i = 632; i <= 681; i++) printf "r%04d,2003-06-01,100,regular\n", i
               for (y = 2005; y <= 2006; y++) for (i = 632; i <= 641; i++) printf "r%04d,%d-06-01,80,regular\n", i, y }'; } |
retention --project 5 --period year
