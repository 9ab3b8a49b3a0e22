roi --help
