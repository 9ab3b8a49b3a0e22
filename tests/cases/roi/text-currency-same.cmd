# "USD 24,000" and "18,000 USD" against USD spend: one currency, added.
# By hand: revenue 24,000 + 18,000 = 42,000; spend 10,000;
# roi = (42,000 - 10,000) / 10,000 = 3.2; roas = 42,000 / 10,000 = 4.2.
roi --preset hubspot-deals --spend spend-usd.csv deals-text-usd.csv
