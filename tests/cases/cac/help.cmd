cac --help
