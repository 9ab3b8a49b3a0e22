lead-convert --help
