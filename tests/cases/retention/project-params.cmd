awk -v counts=1000,631,468,382,326,289,262,241 -v year=2000 -v id=r -v segment=regular -v header=1 -f survivors.awk |
retention --project 5 --params --precision 3 --period year
