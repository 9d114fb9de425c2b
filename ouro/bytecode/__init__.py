"""Code objects and Ouro's instruction set (opcodes.py is THE table)."""
