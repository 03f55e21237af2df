"""A reviewable Pulumi program that adopts an account's sender IDs exactly as AWS holds them.

A dynamic provider cannot serve `pulumi import` (pulumi/pulumi#16175), so adoption is code: one
`SenderId(..., adopt_existing=True)` per sender ID, with every input spelled as AWS holds it, because
adoption applies what is declared (a missing tag would be removed, other message types refused). Each
input is explicit (tags={} included) so that the first `pulumi up` makes no lease and no change, and
the next one no diff (see `provider._adopt` and `diff.plan`).

The text is what `ruff format` would write (double quotes unless they need more escapes, magic
trailing commas keep every declaration one input per line) and passes ruff's checks.
"""

from __future__ import annotations

import keyword
import re
import textwrap
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from ..sender_id import properties as p
from ..sender_id import validation
from .inventory import Found

if TYPE_CHECKING:
    from .registration_program import RegistrationDeclaration
    from .registrations import FoundRegistration

#: The output the program exports: resource name -> sender ID ARN.
ARNS_OUTPUT: Final = "sender_id_arns"
#: Longer code lines get a noqa comment for E501: a tag value (up to 256 characters) cannot be split.
MAX_LINE: Final = 120
INDENT: Final = "    "
PROJECT_NAME_CHARS: Final = re.compile(r"[^A-Za-z0-9_.-]+")
COMMAND_CHARS: Final = re.compile(r"[^A-Za-z0-9_.,=:-]")
#: Comments and the docstring wrap here, well inside any line length a project may use.
WRAP: Final = 88
README_HINT: Final = (
    "Review it before the first `pulumi up`: what is declared here becomes the desired state, so an "
    "edit (a tag, the protection flag) is applied to the sender ID in AWS. Run it with credentials of "
    "the account named above (e.g. `pulumi config set aws:profile <profile>`): in another account "
    "nothing is there to adopt, and each sender ID would be leased anew. Unedited, in that account, "
    "that up leases, releases and changes nothing. After it, delete the adopt_existing=True lines and run `pulumi up` "
    "again (no change): while the flag is set, a later replacement would adopt whatever the account "
    "holds instead of failing."
)


@dataclass(frozen=True)
class Declaration:
    """One sender ID in the program: its resource name, its Python variable, and what AWS holds."""

    name: str
    variable: str
    found: Found

    def inputs(self) -> dict[str, Any]:
        """The `SenderId` inputs, as the generated program passes them."""
        item = self.found
        return {
            p.SENDER_ID: item.sender_id,
            p.ISO_COUNTRY_CODE: item.iso_country_code,
            p.MESSAGE_TYPES: list(item.message_types),
            p.DELETION_PROTECTION_ENABLED: item.deletion_protection_enabled,
            p.TAGS: dict(item.tags),
            p.REGION: item.region,
            p.ADOPT_EXISTING: True,
        }


@dataclass(frozen=True)
class Skipped:
    """A sender ID the provider's `check` would refuse (e.g. a reserved `aws:` tag), and why."""

    found: Found
    reason: str


def resource_names(items: Sequence[Found]) -> list[str]:
    """`acme-gb`; `acme-gb-eu-west-2` when the same sender ID and country exist in several regions."""
    bases = [f"{f.sender_id}-{f.iso_country_code}".lower() for f in items]
    shared = Counter(bases)
    names = [base if shared[base] == 1 else f"{base}-{f.region}" for base, f in zip(bases, items, strict=True)]
    return _unique(names, "-")


def _unique(names: Sequence[str], joiner: str) -> list[str]:
    seen: set[str] = set()
    result: list[str] = []
    for name in names:
        candidate, n = name, 1
        while candidate in seen:
            n += 1
            candidate = f"{name}{joiner}{n}"
        seen.add(candidate)
        result.append(candidate)
    return result


RESERVED_VARIABLES: Final = frozenset({"pulumi", "MessageType", "SenderId", "SenderIdArgs"})


def variable_names(names: Sequence[str]) -> list[str]:
    variables = []
    for name in names:
        variable = re.sub(r"\W", "_", name)
        if not variable.isidentifier() or keyword.iskeyword(variable) or variable in RESERVED_VARIABLES:
            variable = f"sender_{variable}"
        variables.append(variable)
    return _unique(variables, "_")


def plan(items: Sequence[Found]) -> tuple[list[Declaration], list[Skipped]]:
    """Declarations for the sender IDs the provider can manage, in a stable order; the others, with why."""
    ordered = sorted(items, key=lambda f: (f.sender_id, f.iso_country_code, f.region))
    names = resource_names(ordered)
    variables = variable_names(names)
    declarations, skipped = [], []
    for item, name, variable in zip(ordered, names, variables, strict=True):
        declaration = Declaration(name, variable, item)
        failures = validation.validate(declaration.inputs())[1]
        if failures:
            skipped.append(Skipped(item, "; ".join(f.reason for f in failures)))
        else:
            declarations.append(declaration)
    return declarations, skipped


def literal(text: str) -> str:
    """A Python string literal as `ruff format` writes it: double quotes unless single need fewer escapes."""
    quote = "'" if text.count('"') > text.count("'") else '"'
    out = []
    for char in text:
        if char in ("\\", quote):
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\r":
            out.append("\\r")
        elif char == "\t":
            out.append("\\t")
        elif not char.isprintable():
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(char)
    return f"{quote}{''.join(out)}{quote}"


def comment(text: str) -> list[str]:
    """`# text`, wrapped well inside the line length."""
    return [f"# {line}" for line in textwrap.wrap(" ".join(text.split()), WRAP)]


def describe(item: Found) -> str:
    """The comment above a declaration: what it costs and whether it is registered."""
    price = f"{item.monthly_leasing_price} USD a month" if item.monthly_leasing_price else "price not reported"
    if item.registered:
        registration = f"registered ({item.registration_id})" if item.registration_id else "registered"
    else:
        registration = "not registered"
    protection = ", deletion protection on" if item.deletion_protection_enabled else ""
    return f"{item.sender_id} in {item.iso_country_code} ({item.region}): {price}, {registration}{protection}"


def _declaration(declaration: Declaration) -> list[str]:
    item = declaration.found
    inner = INDENT * 2
    types = ", ".join(f"MessageType.{t}" for t in item.message_types)
    lines = [
        *comment(describe(item)),
        f"{declaration.variable} = SenderId(",
        f"{INDENT}{literal(declaration.name)},",
        f"{INDENT}SenderIdArgs(",
        f"{inner}sender_id={literal(item.sender_id)},",
        f"{inner}iso_country_code={literal(item.iso_country_code)},",
        f"{inner}message_types=[{types}],",
        f"{inner}deletion_protection_enabled={item.deletion_protection_enabled},",
    ]
    if item.tags:
        lines.append(f"{inner}tags={{")
        lines += [f"{inner}{INDENT}{literal(k)}: {literal(v)}," for k, v in sorted(item.tags.items())]
        lines.append(f"{inner}}},")
    else:
        lines.append(f"{inner}tags={{}},")
    lines += [
        f"{inner}region={literal(item.region)},",
        f"{inner}adopt_existing=True,",
        f"{INDENT}),",
        ")",
    ]
    return lines


def _header(
    declarations: Sequence[Declaration], regions: Sequence[str], command: str, registrations: int = 0
) -> list[str]:
    accounts = sorted({d.found.account for d in declarations})
    where = f"AWS account {', '.join(accounts)}" if accounts else "the AWS account"
    count = f"{len(declarations)} sender ID{'s' if len(declarations) != 1 else ''}"
    if registrations:
        count += f" and {registrations} registration{'s' if registrations != 1 else ''}"
    summary = f"{count} of {where} in {', '.join(regions)}, adopted exactly as AWS holds them."
    return [
        f'"""{summary}' if len(summary) <= WRAP else f'"""\n{textwrap.fill(summary, WRAP)}',
        "",
        *textwrap.wrap(f"Written by `{command}`.", WRAP, break_on_hyphens=False),
        "",
        *textwrap.wrap(README_HINT, WRAP),
        '"""',
        "",
    ]


def command_line(regions: Sequence[str], wanted: Mapping[str, Sequence[str]]) -> str:
    """The command that wrote the program, safe to quote in its docstring."""
    parts = ["python", "-m", "pulumi_sms_sender_id", "adopt"]
    for region in regions:
        parts += ["--region", region]
    for name, values in wanted.items():
        parts += ["--filter", f"{name}={','.join(values)}"]
    return " ".join(COMMAND_CHARS.sub("?", part) for part in parts)


def render(
    declarations: Sequence[Declaration],
    skipped: Sequence[Skipped],
    regions: Sequence[str],
    command: str,
    registrations: Sequence[RegistrationDeclaration] = (),
    registrations_skipped: Sequence[tuple[FoundRegistration, str]] = (),
) -> str:
    """The whole program: the sender IDs, then the registrations (`registration_program`)."""
    from . import registration_program  # it uses this module's text helpers

    lines = _header(declarations, regions, command, len(registrations))
    lines.append("import pulumi")
    names = (["MessageType", "SenderId", "SenderIdArgs"] if declarations else []) + (
        ["Registration", "RegistrationArgs"] if registrations else []
    )
    imported = f"from pulumi_sms_sender_id import {', '.join(sorted(names))}"
    if names and len(imported) <= registration_program.FORMAT_LINE:
        lines.append(imported)
    elif names:
        lines += ["from pulumi_sms_sender_id import (", *(f"{INDENT}{name}," for name in sorted(names)), ")"]
    for skip in skipped:
        lines += ["", *comment(f"Not declared: {skip.found.label} ({skip.found.sender_id_arn}): {skip.reason}")]
    for found, reason in registrations_skipped:
        lines += ["", *comment(f"Not declared: registration {found.registration_id} ({found.region}): {reason}")]
    for declaration in declarations:
        lines += ["", *_declaration(declaration)]
    for registration in registrations:
        lines += ["", *registration_program.lines(registration)]
    lines.append("")
    if declarations:
        lines += ["pulumi.export(", f"{INDENT}{literal(ARNS_OUTPUT)},", f"{INDENT}{{"]
        lines += [f"{INDENT * 2}{literal(d.name)}: {d.variable}.sender_id_arn," for d in declarations]
        lines += [f"{INDENT}}},", ")"]
    else:
        lines.append(f"pulumi.export({literal(ARNS_OUTPUT)}, {{}})")
    if registrations:
        lines += registration_program.exports(registrations)
    return "\n".join(_long(line) for line in lines) + "\n"


def _long(line: str) -> str:
    """A code line past MAX_LINE, marked for E501 (which exempts comments and lines of one word)."""
    exempt = line.lstrip().startswith("#") or len(line.split()) == 1
    return f"{line}  # noqa: E501" if len(line) > MAX_LINE and not exempt else line


def project_file(directory_name: str, program_file: str) -> str:
    """A `Pulumi.yaml` for the generated program (written only where none exists)."""
    name = PROJECT_NAME_CHARS.sub("-", directory_name).strip("-.") or "sender-ids"
    lines = [
        f"name: {name}",
        "description: AWS SMS sender IDs adopted by `python -m pulumi_sms_sender_id adopt`",
        "runtime: python",
    ]
    if program_file != "__main__.py":
        lines.append(f"main: {program_file}")
    return "\n".join(lines) + "\n"
