lead-convert --max-fields 9 small.csv | cmp - basic.out && echo "--max-fields 9 on 9 columns: the output of basic.cmd"
