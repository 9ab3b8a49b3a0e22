cac --version
