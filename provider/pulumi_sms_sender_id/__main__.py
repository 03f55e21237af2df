"""`python -m pulumi_sms_sender_id adopt`: write a Pulumi program adopting an account's sender IDs and registrations.

    python -m pulumi_sms_sender_id adopt --region eu-west-2 --region ap-southeast-2 \\
        --filter iso-country-code=GB,AU --output infra/__main__.py

Every input is checked before the first AWS call; a failure is one line on stderr and exit status 2
(bad input) or 1 (AWS refused or could not be reached). Progress goes to stderr, the program to
`--output` (with a `Pulumi.yaml` beside it when the folder has none) or to stdout.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from .adoption import adoption, inventory, registration_program, registrations
from .aws import regions, settings
from .aws.calls import Connection
from .aws.errors import ProviderError
from .sender_id import rules

USAGE_ERROR: Final = 2
AWS_ERROR: Final = 1


class BadInput(Exception):
    """A command-line mistake, found before any AWS call."""


@dataclass(frozen=True)
class Request:
    regions: tuple[str, ...]
    profile: str | None
    filters: dict[str, list[str]]
    rules: settings.CallRules
    output: Path | None
    registrations: bool = True


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pulumi_sms_sender_id", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    adopt = commands.add_parser(
        "adopt",
        help="write a Pulumi program that adopts the account's sender IDs as they are",
        description="List the sender IDs of the account (DescribeSenderIds, ListTagsForResource) and its "
        "registrations (DescribeRegistrations and their values), and write a "
        "Pulumi program declaring each exactly as AWS holds it (sender IDs with adopt_existing=True, "
        "registrations with their registration_id).",
    )
    adopt.add_argument(
        "--region",
        action="append",
        default=[],
        metavar="REGION",
        help="a region to list (repeat for several; default: AWS_REGION, AWS_DEFAULT_REGION, the profile's)",
    )
    adopt.add_argument("--profile", help="AWS profile (default: AWS_PROFILE, else boto3's credential chain)")
    adopt.add_argument(
        "--filter",
        action="append",
        default=[],
        metavar="NAME=VALUE[,VALUE]",
        help=f"DescribeSenderIds filter, repeatable; names: {', '.join(inventory.FILTER_NAMES)}",
    )
    adopt.add_argument(
        "--no-registrations",
        action="store_true",
        help="declare no Registration (by default every registration of the regions, but deleted or closed ones)",
    )
    adopt.add_argument("--output", type=Path, help="file to write, e.g. infra/__main__.py (default: stdout)")
    adopt.add_argument("--force", action="store_true", help="overwrite --output if it exists")
    adopt.add_argument(
        "--requests-per-second",
        default=str(settings.DEFAULT_REQUESTS_PER_SECOND),
        metavar="N",
        help="calls per second per operation and region (default: AWS's quota, 1; raise it only with the quota)",
    )
    return parser


def _regions(given: Sequence[str], profile: str | None) -> tuple[str, ...]:
    if not given:
        environ = dict(os.environ) if profile is None else {**os.environ, "AWS_PROFILE": profile}
        default = settings.resolve(None, environ).region
        given = [default] if default else []
    if not given:
        raise BadInput("no AWS region: pass --region eu-west-2 (repeat it for several regions), or export AWS_REGION")
    for region in given:
        try:
            rules.region(region)
        except rules.Invalid as problem:
            raise BadInput(f"--region {problem}") from None
        unknown = regions.problem(region)
        if unknown:
            raise BadInput(f"--region {unknown}")
    return tuple(dict.fromkeys(given))


def _check_credentials(profile: str | None) -> None:
    import boto3
    from botocore.exceptions import BotoCoreError

    try:
        credentials = boto3.session.Session(profile_name=profile).get_credentials()
    except BotoCoreError as problem:
        raise BadInput(f"{problem}: pass an existing --profile or fix AWS_PROFILE") from None
    if credentials is None:
        raise BadInput(
            "no AWS credentials found: pass --profile, export AWS_PROFILE or "
            "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run `aws sso login`"
        )


def _request(args: argparse.Namespace) -> Request:
    try:
        wanted = inventory.parse_filters(args.filter)
    except inventory.BadFilter as problem:
        raise BadInput(f"--filter: {problem}") from None
    try:
        rates = settings.requests_per_second(args.requests_per_second)
    except ValueError:
        raise BadInput(
            f"--requests-per-second must be a positive number (AWS's default quota is 1), got "
            f"{args.requests_per_second!r}"
        ) from None
    output: Path | None = args.output
    if output is not None and output.exists() and not args.force:
        raise BadInput(f"{output} exists: pass --force to overwrite it, or choose another --output")
    if output is not None and output.suffix != ".py":
        raise BadInput(f"--output {output} is not a .py file: name the program, e.g. infra/__main__.py")
    profile = args.profile or None
    regions = _regions(args.region, profile)
    _check_credentials(profile)
    rules = settings.CallRules(requests_per_second=rates)
    return Request(regions, profile, wanted, rules, output, registrations=not args.no_registrations)


def _progress(line: str) -> None:
    print(f"adopt: {line}", file=sys.stderr, flush=True)


def adopt(request: Request) -> str:
    """List, plan and render; returns the program text."""
    connections = [Connection(region, request.profile, request.rules) for region in request.regions]
    _progress(f"listing sender IDs in {', '.join(request.regions)}")
    found = inventory.list_regions(connections, inventory.filters(request.filters), _progress)
    declarations, skipped = adoption.plan(found)
    for skip in skipped:
        _progress(f"not declared: {skip.found.label}: {skip.reason}")
    command = adoption.command_line(request.regions, request.filters)
    _progress(f"{len(declarations)} sender ID{'s' if len(declarations) != 1 else ''} to adopt")
    if not request.registrations:
        return adoption.render(declarations, skipped, request.regions, command + " --no-registrations")
    listed = [item for c in connections for item in registrations.list_region(c, _progress)]
    taken = {name for d in declarations for name in (d.name, d.variable)}
    kept, refused = registration_program.plan(listed, taken)
    for item, reason in refused:
        _progress(f"not declared: registration {item.registration_id} ({item.region}): {reason}")
    if listed:
        _progress(f"{len(kept)} registration{'s' if len(kept) != 1 else ''} to adopt")
    return adoption.render(declarations, skipped, request.regions, command, kept, refused)


def _write(output: Path, program: str) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(program)
    _progress(f"wrote {output}")
    manifest = output.parent / "Pulumi.yaml"
    if not manifest.exists():
        manifest.write_text(adoption.project_file(output.parent.resolve().name, output.name))
        _progress(f"wrote {manifest}")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        request = _request(args)
    except BadInput as problem:
        print(f"error: {problem}", file=sys.stderr)
        return USAGE_ERROR
    try:
        program = adopt(request)
    except ProviderError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return AWS_ERROR
    if request.output is None:
        sys.stdout.write(program)
    else:
        _write(request.output, program)
    return 0


if __name__ == "__main__":
    sys.exit(main())
