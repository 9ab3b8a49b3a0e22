retention --subscriptions --col date=day moves.csv
