roi --version
