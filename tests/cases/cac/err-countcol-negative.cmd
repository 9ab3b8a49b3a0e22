sed '3s/,1$/,-2/' counted-leads.csv | cac --count-col n --spend spend.csv
