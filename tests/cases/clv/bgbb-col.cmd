clv --model bgbb --col frequency=freq --col recency=rec --col periods=n --col weights=donors bgbb-cols.csv
