"""Fuzzing material: seed programs (seeds/), the token dictionary and the mutators."""
