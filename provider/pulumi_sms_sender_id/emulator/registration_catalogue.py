"""The registration types the emulator knows: their definitions, sections and field definitions.

Registration forms are data on AWS (``DescribeRegistrationTypeDefinitions``,
``...SectionDefinitions``, ``...FieldDefinitions``), and they drift, so they are data here too:
``registration_catalogue.json`` holds a few types modelled on the public facts, in the very format
the AWS CLI prints, with the emulator's own ``Source``/``Guess`` notes on each entry (the serializer
ignores members the model does not have). Definitions a user captured from a real account with
``aws pinpoint-sms-voice-v2 describe-registration-type-definitions`` and
``describe-registration-field-definitions --registration-type X`` load the same way
(:func:`from_documents`, :func:`read_files`) and replace built-in types of the same name.
No moto here: `state` builds the default catalogue from this module.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Final

BUILTIN_FILE: Final = "registration_catalogue.json"
#: boto3's ResourceType string for a sender ID in SupportedAssociations (a guess; see docs/emulator.md).
SENDER_ID_ASSOCIATION: Final = "SENDER_ID"
#: The field whose value is the sender ID an ASSOCIATE_ON_APPROVAL type provisions (public scripts use it).
SENDER_ID_FIELD: Final = "senderIdInfo.senderId"
FIELD_TYPES: Final = ("SELECT", "TEXT", "ATTACHMENT")
REQUIREMENTS: Final = ("REQUIRED", "CONDITIONAL", "OPTIONAL")
_DERIVED_SECTION = "Section derived by the emulator from the field definitions (no section definitions were loaded)."


@dataclass(frozen=True)
class FieldDefinition:
    """One field of a form, as DescribeRegistrationFieldDefinitions answers it (``raw``)."""

    raw: Mapping[str, Any]

    @property
    def path(self) -> str:
        return str(self.raw["FieldPath"])

    @property
    def section(self) -> str:
        return str(self.raw["SectionPath"])

    @property
    def field_type(self) -> str:
        return str(self.raw["FieldType"])

    @property
    def requirement(self) -> str:
        return str(self.raw["FieldRequirement"])

    @property
    def text_validation(self) -> Mapping[str, Any]:
        return dict(self.raw.get("TextValidation") or {})

    @property
    def select_validation(self) -> Mapping[str, Any]:
        return dict(self.raw.get("SelectValidation") or {})

    @property
    def conditional_behavior(self) -> Mapping[str, Any] | None:
        behavior = self.raw.get("ConditionalBehavior")
        return behavior if isinstance(behavior, Mapping) else None


@dataclass(frozen=True)
class RegistrationType:
    """One registration type: its definition, its sections and its fields, in definition order."""

    definition: Mapping[str, Any]
    sections: tuple[Mapping[str, Any], ...]
    fields: tuple[FieldDefinition, ...]
    #: "built-in" or "loaded": where the definitions came from (shown by `current_config`).
    origin: str = "built-in"

    @property
    def name(self) -> str:
        return str(self.definition["RegistrationType"])

    def field(self, path: str) -> FieldDefinition | None:
        return next((f for f in self.fields if f.path == path), None)

    def has_section(self, path: str) -> bool:
        return any(s["SectionPath"] == path for s in self.sections)

    @property
    def sender_id_association(self) -> Mapping[str, Any] | None:
        """The SupportedAssociations entry for sender IDs, if this type registers one."""
        for association in self.definition.get("SupportedAssociations") or []:
            if association.get("ResourceType") == SENDER_ID_ASSOCIATION:
                return dict(association)
        return None


@dataclass(frozen=True)
class Catalogue:
    """The registration types in force: immutable, so a request reads one consistent snapshot."""

    types: Mapping[str, RegistrationType]

    def get(self, name: str) -> RegistrationType | None:
        return self.types.get(name)

    def __iter__(self) -> Iterator[RegistrationType]:
        return iter(self.types.values())

    def merged(self, loaded: Catalogue, replace: bool = False) -> Catalogue:
        """This catalogue with ``loaded``'s types added, replacing same-named ones (or all, ``replace``)."""
        return Catalogue(dict(loaded.types) if replace else {**self.types, **loaded.types})

    def describe(self) -> dict[str, str]:
        """Type name -> origin, for `current_config`."""
        return {name: kind.origin for name, kind in sorted(self.types.items())}


@functools.lru_cache(maxsize=1)
def builtin() -> Catalogue:
    """The catalogue shipped in the package (``registration_catalogue.json``), parsed once."""
    text = resources.files(__package__).joinpath(BUILTIN_FILE).read_text(encoding="utf-8")
    data = json.loads(text)
    return from_documents(
        data["TypeDefinitions"], data["FieldDefinitions"], data["SectionDefinitions"], origin="built-in"
    )


def _documents(given: Any, what: str) -> list[Mapping[str, Any]]:
    """One CLI output document or a list of them."""
    documents = [given] if isinstance(given, Mapping) else given
    if not isinstance(documents, list) or not all(isinstance(d, Mapping) for d in documents):
        raise ValueError(f"{what} must be a JSON object as the AWS CLI prints it, or a list of them")
    return documents


def from_documents(
    type_definitions: Any,
    field_definitions: Any,
    section_definitions: Any = None,
    *,
    origin: str = "loaded",
) -> Catalogue:
    """A catalogue from AWS CLI output documents (parsed JSON), checked enough to be served.

    Only types with field definitions are taken: a user may capture every type definition but the
    fields of a few. Field definitions of a type without its type definition are an error, and so
    is anything the API's shapes could not answer. Sections come from the section documents, or
    are derived from the fields' SectionPath when none were given for a type.
    """
    definitions: dict[str, Mapping[str, Any]] = {}
    for document in _documents(type_definitions, "type definitions"):
        for definition in _list(document, "RegistrationTypeDefinitions"):
            _check_type_definition(definition)
            definitions[definition["RegistrationType"]] = definition
    sections = _per_type(section_definitions or [], "RegistrationSectionDefinitions", "section definitions")
    types: dict[str, RegistrationType] = {}
    for name, raw_fields in _per_type(field_definitions, "RegistrationFieldDefinitions", "field definitions").items():
        if name not in definitions:
            raise ValueError(f"field definitions for {name} but no type definition of it")
        fields = tuple(_checked_field(name, raw) for raw in raw_fields)
        types[name] = RegistrationType(
            definitions[name], tuple(sections.get(name) or _derived_sections(fields)), fields, origin
        )
    return Catalogue(types)


def read_files(paths: Iterable[str | Path]) -> Catalogue:
    """A catalogue from captured CLI output files, or directories of ``*.json`` files, in any order.

    Each file is sorted by what it holds (RegistrationTypeDefinitions, RegistrationFieldDefinitions,
    RegistrationSectionDefinitions); a file holding none of them is an error naming it.
    """
    found: dict[str, list[Mapping[str, Any]]] = {"types": [], "fields": [], "sections": []}
    for path in _json_files(paths):
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ValueError(f"cannot read registration definitions from {path}: {error}") from None
        kinds = [
            kind
            for kind, key in (
                ("types", "RegistrationTypeDefinitions"),
                ("fields", "RegistrationFieldDefinitions"),
                ("sections", "RegistrationSectionDefinitions"),
            )
            if isinstance(document, dict) and key in document
        ]
        if not kinds:
            raise ValueError(f"{path} holds no AWS CLI output of describe-registration-*-definitions")
        found[kinds[0]].append(document)
    return from_documents(found["types"], found["fields"], found["sections"])


def _json_files(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files.extend(sorted(path.glob("*.json")))
        elif path.exists():
            files.append(path)
        else:
            raise ValueError(f"registration definitions: no such file or directory: {path}")
    return files


def _list(document: Mapping[str, Any], key: str) -> Sequence[Mapping[str, Any]]:
    items = document.get(key)
    if not isinstance(items, list) or not all(isinstance(item, Mapping) for item in items):
        raise ValueError(f"expected a list of objects under {key}, as the AWS CLI prints it")
    return items


def _per_type(given: Any, key: str, what: str) -> dict[str, list[Mapping[str, Any]]]:
    """Entries of paged or per-type documents, grouped by their document's RegistrationType."""
    grouped: dict[str, list[Mapping[str, Any]]] = {}
    for document in _documents(given, what):
        name = document.get("RegistrationType")
        if not isinstance(name, str):
            raise ValueError(f"{what}: each document needs its RegistrationType, as the AWS CLI prints it")
        grouped.setdefault(name, []).extend(_list(document, key))
    return grouped


def _check_type_definition(definition: Mapping[str, Any]) -> None:
    name = definition.get("RegistrationType")
    hints = definition.get("DisplayHints")
    if not isinstance(name, str) or not isinstance(hints, Mapping) or "Title" not in hints:
        raise ValueError(f"a registration type definition needs RegistrationType and DisplayHints.Title: {definition}")


def _checked_field(kind: str, raw: Mapping[str, Any]) -> FieldDefinition:
    """A field definition with the members the emulator relies on, else ValueError naming it."""
    path = raw.get("FieldPath")
    problems = []
    if not isinstance(path, str) or not isinstance(raw.get("SectionPath"), str):
        problems.append("FieldPath and SectionPath are required")
    if raw.get("FieldType") not in FIELD_TYPES:
        problems.append(f"FieldType must be one of {list(FIELD_TYPES)}")
    if raw.get("FieldRequirement") not in REQUIREMENTS:
        problems.append(f"FieldRequirement must be one of {list(REQUIREMENTS)}")
    if raw.get("FieldType") == "SELECT" and not isinstance((raw.get("SelectValidation") or {}).get("Options"), list):
        problems.append("a SELECT field needs SelectValidation.Options")
    if problems:
        raise ValueError(f"{kind} field {path!r}: {'; '.join(problems)}")
    return FieldDefinition(raw)


def _derived_sections(fields: Sequence[FieldDefinition]) -> list[Mapping[str, Any]]:
    paths = list(dict.fromkeys(f.section for f in fields))
    return [{"SectionPath": p, "DisplayHints": {"Title": p, "ShortDescription": _DERIVED_SECTION}} for p in paths]
