"""Benchmarks of the provider through the real provider process and the emulator server.

Run with `./bench.sh` (or `.venv/bin/python -m tests.benchmarks` from the repository root); see
docs/benchmark.md. The default test run only skips `test_benchmark_smoke.py` (marker `benchmark`,
runs with RUN_BENCHMARKS=1).
"""
