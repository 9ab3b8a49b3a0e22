lead-convert --precision 2
