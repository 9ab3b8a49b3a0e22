# Text currency USD in the deals against the spend table's EUR column.
roi --preset hubspot-deals --spend spend-eur.csv deals-text-usd.csv
