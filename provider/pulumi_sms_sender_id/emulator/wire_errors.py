"""The errors AWS's front end answers before a request reaches an operation, shared by the wire checks.

Both kinds of check raise them, the signature and target checks (``wire``) and the JSON type checks
of the body: a module of its own lets each import it without importing the other. Like ``wire``,
it needs neither moto nor botocore.
"""

from __future__ import annotations

import json
import uuid

__all__ = ["JSON_CONTENT_TYPE", "WireError"]

#: The content type of every answer and request body of this JSON 1.0 protocol.
JSON_CONTENT_TYPE = "application/x-amz-json-1.0"


class WireError(Exception):
    """A request refused before it reaches an operation; answered as ``{"__type", "message"}`` JSON.

    These errors are not in the service model (AWS's front end raises them for every JSON
    service), so they are serialized here rather than by moto's model-driven serializer.
    """

    def __init__(self, code: str, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status

    def response(self) -> tuple[int, dict[str, str], bytes]:
        body = json.dumps({"__type": self.code, "message": self.message}).encode()
        headers = {
            "Content-Type": JSON_CONTENT_TYPE,
            "Content-Length": str(len(body)),
            "x-amzn-RequestId": str(uuid.uuid4()),
            "x-amzn-ErrorType": self.code,
        }
        return self.status, headers, body
