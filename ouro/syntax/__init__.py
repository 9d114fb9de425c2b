"""Ouro's front end: source text -> tokens -> AST nodes mirroring Python 3.12's ``ast``."""
