# hubspot-deals reads "USD 24,000" and "EUR 18,000" as numbers; the
# currencies of the text count like a currency column: the second deal is
# an error naming both and the row where USD was seen first.
roi --preset hubspot-deals --spend spend-plain.csv deals-text-currency.csv
