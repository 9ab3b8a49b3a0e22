lead-convert --version
