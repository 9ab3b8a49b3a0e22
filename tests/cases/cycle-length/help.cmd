cycle-length --help
