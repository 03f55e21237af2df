"""`register`: make moto serve the emulated API, in process (``mock_aws()``) and in its server."""

from __future__ import annotations

import sys
import types

from .state import LOCK, MOTO_SERVICE_KEY, URL_PATTERN

_registered = False


def register() -> None:
    """Make moto (``mock_aws()`` and its server) serve the emulated API. Idempotent and cheap.

    moto has no plugin mechanism, so this uses two of its internals (verified on moto 5.2.x):
    the backend index list, which moto's server keeps a reference to (hence the in-place insert),
    and ``moto.backends.get_backend``, which imports ``moto.<key>`` and reads ``<key>_backends``.
    The pattern goes first so it wins even over a future native backend for the same host.
    """
    global _registered
    if _registered:
        return
    with LOCK:
        if _registered:
            return
        import moto.backend_index as backend_index

        from . import models, urls  # noqa: F401  (urls: moto resolves it from the models module)

        module_name = f"moto.{MOTO_SERVICE_KEY}"
        if module_name not in sys.modules:
            module = types.ModuleType(module_name, "pinpoint-sms-voice-v2 emulator (pulumi_sms_sender_id.emulator)")
            setattr(module, f"{MOTO_SERVICE_KEY}_backends", models.pinpointsmsvoicev2_backends)
            sys.modules[module_name] = module
        patterns = backend_index.backend_url_patterns
        if not any(key == MOTO_SERVICE_KEY for key, _ in patterns):
            patterns.insert(0, (MOTO_SERVICE_KEY, URL_PATTERN))
        _registered = True
