cut -d, -f2- ../lead-convert/counted.csv | funnel --partial --count-col leads | grep -v '^value,weight.mql,4$' | python3 ../../oracle/part.py reseal | funnel --merge --count-col leads
