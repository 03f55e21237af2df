"""Example Pulumi projects, and `run_with_mocks`, which runs any of them without the Pulumi CLI.

A regular package (not a namespace one) so that `examples.run_with_mocks` always resolves to this
directory, even if some installed distribution ships a top-level `examples` package of its own.
"""
