{ awk -v counts=1000,631,468,382,326,289,262,241 -v year=2000 -v id=r -v segment=regular -v header=1 -f survivors.awk
  awk -v counts=1000,869,743,653,593,551,517,491 -v year=2000 -v id=h -v segment='high end' -f survivors.awk; } |
retention --project 5 --params --precision 3 --period year --by segment --total
