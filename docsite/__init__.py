"""Build-time tools for the xent site (MkDocs hooks and their helpers); not part of ``xent``."""
