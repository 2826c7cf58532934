"""Writers that turn core objects (a ``Summary``) into files: Markdown, HTML, PDF and CSV."""
