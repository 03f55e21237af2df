"""``python -m pulumi_sms_sender_id.emulator`` / ``sms-voice-emulator``: serve the emulator over HTTP.

The first line on stdout is the endpoint URL, so a script can read it and export
``AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2``. Nothing else is written to stdout.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from . import controls, quotas, registration_catalogue, registration_controls, state


def _countries(value: str) -> list[str]:
    return [c.strip() for c in value.split(",") if c.strip()]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sms-voice-emulator",
        description="Local emulator of the AWS End User Messaging SMS sender-ID API "
        "(pinpoint-sms-voice-v2), served by moto. Prints the endpoint URL as the first stdout line.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port to listen on; 0 picks a free one (default: 0)")
    parser.add_argument(
        "--release-window",
        type=float,
        metavar="SECONDS",
        help="seconds after a release during which the sender ID cannot be requested again "
        f"(default: ${state.RELEASE_WINDOW_ENV_VAR} or {state.DEFAULT_RELEASE_WINDOW_SECONDS})",
    )
    parser.add_argument(
        "--registration-only-countries",
        type=_countries,
        metavar="CC,CC",
        help="countries answering SENDER_ID_REQUIRES_REGISTRATION "
        f"(default: {','.join(sorted(state.DEFAULT_REGISTRATION_ONLY_COUNTRIES))})",
    )
    parser.add_argument(
        "--unsupported-countries",
        type=_countries,
        metavar="CC,CC",
        help="countries answering SENDER_ID_NOT_SUPPORTED "
        f"(default: {','.join(sorted(state.DEFAULT_UNSUPPORTED_COUNTRIES))})",
    )
    parser.add_argument(
        "--sender-id-quota",
        type=int,
        metavar="N",
        help=f"sender IDs per account and region (default: {state.DEFAULT_SENDER_ID_QUOTA})",
    )
    parser.add_argument(
        "--quotas",
        metavar="SPEC",
        help="request-rate quotas per account, region and operation, answered with ThrottlingException: "
        "'aws' (AWS's documented defaults, 1/s), 'off', a number for every operation, or "
        f"'RequestSenderId=1,DescribeSenderIds=5:2' (rate[:burst]) (default: ${quotas.ENV_VAR} or off)",
    )
    parser.add_argument(
        "--latency",
        type=float,
        metavar="SECONDS",
        help="delay every answer, to measure a client at a real service's latency (default: 0)",
    )
    parser.add_argument(
        "--registration-definitions",
        action="append",
        metavar="PATH",
        help="registration definitions captured with the AWS CLI (describe-registration-type-definitions and "
        "describe-registration-field-definitions output): JSON files or directories of them; repeatable "
        f"(default: ${state.REGISTRATION_DEFINITIONS_ENV_VAR}, paths separated by '{os.pathsep}')",
    )
    parser.add_argument(
        "--auto-approve-registrations",
        type=float,
        metavar="SECONDS",
        help="approve every submitted registration this long after submission (default: a test reviews)",
    )
    parser.add_argument(
        "--attachment-upload-seconds",
        type=float,
        metavar="SECONDS",
        help=f"how long a new attachment stays UPLOAD_IN_PROGRESS (default: {state.DEFAULT_ATTACHMENT_UPLOAD_SECONDS})",
    )
    parser.add_argument(
        "--registration-provisioning-seconds",
        type=float,
        metavar="SECONDS",
        help="how long an approved registration stays PROVISIONING "
        f"(default: {state.DEFAULT_REGISTRATION_PROVISIONING_SECONDS})",
    )
    parser.add_argument("--verbose", action="store_true", help="log every request to stderr")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not 0 <= args.port <= 65535:
        parser.error(f"--port must be between 0 and 65535, got {args.port}")
    try:
        # The flags become the defaults that a reset restores.
        controls.configure(
            as_default=True,
            release_window_seconds=args.release_window,
            registration_only_countries=args.registration_only_countries,
            unsupported_countries=args.unsupported_countries,
            sender_id_quota=args.sender_id_quota,
            request_quotas=args.quotas,
            latency_seconds=args.latency,
            attachment_upload_seconds=args.attachment_upload_seconds,
            registration_provisioning_seconds=args.registration_provisioning_seconds,
        )
        if args.auto_approve_registrations is not None:
            registration_controls.auto_approve_registrations(args.auto_approve_registrations, as_default=True)
        if args.registration_definitions:
            loaded = registration_catalogue.read_files(args.registration_definitions)
            registration_controls.use_registration_catalogue(loaded, as_default=True)
    except ValueError as error:
        parser.error(str(error))

    # moto builds boto3 sessions to list regions; a profile from the user's shell that does not
    # exist (or cannot be read) would crash it, and the emulator never needs real credentials.
    for name in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE"):
        os.environ.pop(name, None)

    from .server import StartupError, serve

    try:
        serve(args.host, args.port, verbose=args.verbose)
    except StartupError as error:
        print(f"sms-voice-emulator: error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
