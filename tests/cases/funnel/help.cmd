funnel --help
