"""`python -m pulumi_sms_sender_id.testing PROJECT_DIR --stack STACK`: run a program, print what it made."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from .runner import RunResult, run_program

HEADING: Final = "Run without the Pulumi engine (mocks + real provider + local emulator; no state saved)"


_SHOWN = {"create": ("+", "created"), "read": ("=", "read"), "component": (" ", "component")}


def _report(result: RunResult) -> str:
    try:
        program = result.program.relative_to(Path.cwd())
    except ValueError:
        program = result.program
    lines = [
        f"== {HEADING}",
        f"project {result.project}, stack {result.stack}, program {program}",
        "",
        f"Resources ({len(result.resources)}):",
    ]
    width = max((len(r.type) for r in result.resources), default=0)
    for resource in sorted(result.resources, key=lambda r: r.name):
        sign, done = _SHOWN[resource.operation]
        lines.append(f"  {sign} {resource.type:<{width}}  {resource.name}  {done}  id={resource.id}")
    lines += ["", "Stack outputs:", json.dumps(result.outputs, indent=2, sort_keys=True)]
    return "\n".join(lines)


def _key_value(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    return key, value


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pulumi_sms_sender_id.testing",
        description="Run a Pulumi project's Python program under Pulumi's mocks with the real sender-ID "
        "provider (no Pulumi engine, no saved state). AWS calls go wherever boto3 points, e.g. the "
        "emulator via AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2.",
    )
    parser.add_argument("project", nargs="?", default=".", help="directory holding Pulumi.yaml (default: .)")
    parser.add_argument("--stack", default="dev", help="stack name; reads Pulumi.<stack>.yaml if present")
    parser.add_argument(
        "--config", type=_key_value, action="append", default=[], metavar="KEY=VALUE", help="stack config value"
    )
    parser.add_argument("--json", action="store_true", help="print outputs and resources as one JSON document")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        result = run_program(args.project, stack=args.stack, config=dict(args.config))
    except Exception as error:  # the program's own failure: report it like `pulumi up` would, briefly
        print(f"error: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    print(json.dumps(result.to_json(), indent=2, sort_keys=True) if args.json else _report(result))
    return 0
