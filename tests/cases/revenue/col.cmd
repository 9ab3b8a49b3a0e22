revenue --col customer=buyer --col date=day --col amount=total --period quarter --fiscal-year-start apr --total buyers.csv
