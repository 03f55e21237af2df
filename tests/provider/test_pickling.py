"""The provider pickles by reference, with nothing machine-specific in it, before or after use."""

from __future__ import annotations

import base64
import subprocess
import sys

import dill
from pulumi.dynamic.dynamic import serialize_provider

from pulumi_sms_sender_id import RegistrationProvider, SenderIdProvider


def test_provider_pickles_by_reference_in_under_100_bytes() -> None:
    pickled = base64.b64decode(serialize_provider(SenderIdProvider()))
    assert len(pickled) < 100
    assert b"pulumi_sms_sender_id.provider" in pickled
    assert isinstance(dill.loads(pickled), SenderIdProvider)


def test_a_configured_provider_with_clients_pickles_the_same(provider: SenderIdProvider, emulated: object) -> None:
    fresh = serialize_provider(SenderIdProvider())
    provider.check({}, {"sender_id": "ACME", "iso_country_code": "GB"})
    provider.read("arn:aws:sms-voice:eu-west-2:123456789012:sender-id/ACME/GB", {})
    assert serialize_provider(provider) == fresh


def test_pickle_is_identical_in_another_process_with_other_credentials() -> None:
    code = (
        "from pulumi.dynamic.dynamic import serialize_provider;"
        "from pulumi_sms_sender_id import SenderIdProvider;"
        "print(serialize_provider(SenderIdProvider()))"
    )
    env = {"AWS_REGION": "ap-south-1", "AWS_ACCESS_KEY_ID": "AKIAOTHER", "AWS_SECRET_ACCESS_KEY": "secret", "PATH": ""}
    other = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert other.stdout.strip() == serialize_provider(SenderIdProvider())


# `__provider` as `serialize_provider` wrote it at eafd84c, before the modules moved into sender_id/, aws/ and
# adoption/. Every existing stack state holds this value; the engine must keep unpickling it.
PROVIDER_BEFORE_THE_MOVE = (
    "gASVPAAAAAAAAACMHXB1bHVtaV9zbXNfc2VuZGVyX2lkLnByb3ZpZGVylIwQU2VuZGVySWRQcm92aWRlcpSTlCmBlH2UYi4="
)


def test_a_provider_serialised_before_the_layout_move_still_loads_and_works() -> None:
    provider = dill.loads(base64.b64decode(PROVIDER_BEFORE_THE_MOVE))
    assert isinstance(provider, SenderIdProvider)
    assert provider.check({}, {"sender_id": "ACME", "iso_country_code": "GB", "region": "eu-west-2"}).failures == []
    assert serialize_provider(provider) == PROVIDER_BEFORE_THE_MOVE


def test_the_registration_provider_pickles_by_reference_at_its_lasting_path() -> None:
    pickled = base64.b64decode(serialize_provider(RegistrationProvider()))
    assert len(pickled) < 100
    assert b"pulumi_sms_sender_id.registration.provider" in pickled
    assert b"RegistrationProvider" in pickled
    assert isinstance(dill.loads(pickled), RegistrationProvider)


def test_a_configured_registration_provider_pickles_the_same(registration_provider: RegistrationProvider) -> None:
    registration_provider.check({}, {"registration_type": "IN_SENDER_ID_REGISTRATION"})
    assert serialize_provider(registration_provider) == serialize_provider(RegistrationProvider())
