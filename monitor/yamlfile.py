"""Read a YAML file and keep the line of every key, so errors can say ``file:line: key.path``.

Used by config.py and watchlist.py. Turns YAML syntax errors, unreadable files and pydantic
validation errors into ConfigError (or a subclass) with the file, the key path and the line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from monitor.exceptions import ConfigError

KeyPath = tuple[str | int, ...]


# libyaml's parser when PyYAML has it (10x faster on a config of thousands of feeds); both give
# line marks
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_Base):  # type: ignore[misc, valid-type]
    """SafeLoader that rejects duplicate keys (a silent overwrite hides a user's mistake)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"duplicate key {key!r} (first at line {seen[key] + 1})",
                key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line
    return loader.construct_mapping(node, deep=deep)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class WrittenInt(int):
    """An integer as YAML read it, with the text it was written as (``1998``; ``010``, which
    YAML reads as 8): where a model wants words, the text is the word (``as_text``)."""

    text: str


class WrittenFloat(float):
    """A number with a point as YAML read it, with the text it was written as (``1.10``)."""

    text: str


def _construct_number(loader: _LineLoader, node: yaml.ScalarNode) -> WrittenInt | WrittenFloat:
    if node.tag.endswith(":int"):
        out: WrittenInt | WrittenFloat = WrittenInt(loader.construct_yaml_int(node))
    else:
        out = WrittenFloat(loader.construct_yaml_float(node))
    out.text = node.value
    return out


for _tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
    _LineLoader.add_constructor(_tag, _construct_number)


class WrittenBool(int):
    """true or false as YAML read it (``false``, ``no``, ``on``...), with the text it was
    written as: in a watchlist a word is meant where a word stands (``[fake, false]``,
    ``unless: [yes]``), and a model that wants true or false reads 1 or 0."""

    text: str

    def __repr__(self) -> str:
        return repr(bool(self))


def _construct_bool(loader: _LineLoader, node: yaml.ScalarNode) -> WrittenBool:
    out = WrittenBool(loader.construct_yaml_bool(node))
    out.text = node.value
    return out


class _WordLoader(_LineLoader):
    """The loader for watchlists: true and false keep the text they were written as."""


_WordLoader.add_constructor("tag:yaml.org,2002:bool", _construct_bool)


def as_text(value: Any) -> Any:
    """A number, true or false YAML read where words are meant (``unless: [poet, 1998]``,
    ``terms: [fake, false]``) as the text it was written as; any other value as it is."""
    return value.text if isinstance(value, WrittenInt | WrittenFloat | WrittenBool) else value


class _Recursive(Exception):
    """A node that holds itself: an anchor used inside its own value (``&a [x, *a]``)."""

    def __init__(self, node: yaml.Node) -> None:
        super().__init__(node)
        self.line = node.start_mark.line + 1


# Where each key and item of a document was written: a mapping's keys with their lines and
# what their values hold, a sequence's items with theirs, a scalar's nothing. A node used
# again through an alias (``*name``) is one object however many times it is used, so a
# watchlist whose shared lists stand in hundreds of rules keeps each once (a table keyed by
# every path through them held ~63,000 tuples for the seed watchlist, 12 MB at its load's
# peak).
_Lines = dict[str, "tuple[int, _Lines]"] | list["tuple[int, _Lines]"] | None


def _lines(node: yaml.Node, done: dict[int, _Lines], inside: set[int]) -> _Lines:
    key = id(node)
    if key in done:
        return done[key]
    if key in inside:
        raise _Recursive(node)
    out: _Lines = None
    if isinstance(node, yaml.MappingNode):
        inside.add(key)
        # a key written twice is refused by the loader; its last line would win
        out = {
            (k.value if isinstance(k, yaml.ScalarNode) else str(k)):
                (k.start_mark.line + 1, _lines(v, done, inside))
            for k, v in node.value
        }
        inside.discard(key)
    elif isinstance(node, yaml.SequenceNode):
        inside.add(key)
        out = [(child.start_mark.line + 1, _lines(child, done, inside)) for child in node.value]
        inside.discard(key)
    done[key] = out
    return out


class YamlDoc:
    """A parsed YAML document and the line of each key path in it."""

    def __init__(self, path: Path, data: Any, line: int | None, lines: _Lines) -> None:
        self.path = path
        self.data = data
        self.line = line  # the document's first line, None for an empty file
        self.lines = lines

    def line_of(self, keypath: KeyPath) -> int | None:
        """The line of the deepest known prefix of ``keypath``: a key's own line for a key, an
        item's first line for an item of a list."""
        line, here = self.line, self.lines
        for part in keypath:
            found = (isinstance(here, dict) and isinstance(part, str) and part in here) or (
                isinstance(here, list) and isinstance(part, int) and not isinstance(part, bool)
                and 0 <= part < len(here))
            if not found:
                break
            line, here = here[part]  # type: ignore[index]
        return line

    def error(
        self, message: str, keypath: KeyPath = (), cls: type[ConfigError] = ConfigError
    ) -> ConfigError:
        return cls(
            message,
            path=str(self.path),
            line=self.line_of(keypath),
            key=format_keypath(keypath) or None,
        )

    def validate(self, model: type[BaseModel], cls: type[ConfigError] = ConfigError) -> Any:
        """Validate the document against a pydantic model; raise the first error with its line.

        All errors are listed in the message, the first one's line is the error's line.
        """
        try:
            return model.model_validate(self.data if self.data is not None else {})
        except ValidationError as exc:
            raise self.from_validation(exc, cls) from None

    def from_validation(
        self, exc: ValidationError, cls: type[ConfigError] = ConfigError
    ) -> ConfigError:
        errors = exc.errors(include_url=False)
        parts = []
        for err in errors:
            loc = tuple(x for x in err["loc"] if not _is_union_tag(x))
            line = self.line_of(loc)
            where = f"line {line}: " if line else ""
            parts.append(f"{where}{format_keypath(loc) or '(top level)'}: {_explain(err)}")
        first = errors[0]
        first_loc = tuple(x for x in first["loc"] if not _is_union_tag(x))
        message = _explain(first)
        if len(parts) > 1:
            message += "\n  " + "\n  ".join(parts[1:])
        return cls(
            message,
            path=str(self.path),
            line=self.line_of(first_loc),
            key=format_keypath(first_loc) or "(top level)",
        )


def _is_union_tag(x: Any) -> bool:
    # pydantic puts the union member's or function's name in loc (e.g. "function-after[...]")
    return isinstance(x, str) and ("[" in x or x.startswith("function-"))


_TYPE_WORDS = {
    "tuple_type": "expected a list: [a, b], or one '- item' per line",
    "list_type": "expected a list: [a, b], or one '- item' per line",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "float_type": "expected a number",
    "float_parsing": "expected a number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "string_type": "expected text",
    "dict_type": "expected a mapping (key: value)",
    "model_type": "expected a mapping (key: value)",
    "model_attributes_type": "expected a mapping (key: value)",
}
_BOUND_WORDS = {"greater_than_equal": ("ge", "at least"), "greater_than": ("gt", "more than"),
                "less_than_equal": ("le", "at most"), "less_than": ("lt", "less than")}


_NEAR_KEYS = ("within", "in_order", "across_fields")  # a near condition's own keys


def _explain(err: dict[str, Any]) -> str:
    """One pydantic error in the words of the config's reader (no "Input should be ...")."""
    kind = err["type"]
    if kind == "extra_forbidden":
        if err.get("loc") and err["loc"][-1] in _NEAR_KEYS:
            return (f"unknown key here: {err['loc'][-1]} belongs inside near:, beside terms "
                    "(indent it one level further)")
        return "unknown key (check the spelling; see the README for the allowed keys)"
    if kind == "missing":
        return "required key is missing"
    ctx = err.get("ctx") or {}
    given = err.get("input")
    if kind == "string_type" and isinstance(given, int | float):  # bool is an int too
        read = "true or false" if isinstance(given, bool | WrittenBool) else "a number"
        return (f"expected text, but YAML reads this value as {read} (got {given!r}): put it "
                "in quotes as you mean it ('2007', 'yes', '007')")
    if kind in _TYPE_WORDS:
        msg = _TYPE_WORDS[kind]
    elif kind == "too_short":
        n = ctx.get("min_length")
        msg = f"needs at least {n} item{'' if n == 1 else 's'}"
    elif kind in _BOUND_WORDS:
        key, words = _BOUND_WORDS[kind]
        msg = f"must be {words} {ctx.get(key)}"
    else:
        msg = err["msg"]
        for prefix in ("Value error, ", "Assertion failed, "):
            msg = msg.removeprefix(prefix)
        if msg.startswith("Input should be "):
            msg = "expected " + msg[len("Input should be "):]
    if "(got " not in msg and isinstance(given, str | int | float | bool) and given != "":
        msg += f" (got {given!r})"
    return msg


def _yaml_line(exc: yaml.MarkedYAMLError) -> int | None:
    """Where the mistake is: the construct being read (a key without its ':', an unclosed
    quote) starts at the context mark, while PyYAML's problem mark is where it gave up, often
    the next line or the end of the file. The other errors are where PyYAML stopped."""
    scanning = (exc.context or "").startswith("while scanning")  # not "while parsing a
    # block collection", whose mark is the start of the enclosing list
    mark = (exc.context_mark if scanning and exc.context_mark else None) or exc.problem_mark \
        or exc.context_mark
    return mark.line + 1 if mark else None


def _yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or str(exc)).replace(
        "found unexpected end of stream", "the file ends before it is closed").replace(
        "could not find expected ':'", "could not find expected ':' after a key (key: value)")
    context = f" ({exc.context})" if exc.context else ""
    return f"invalid YAML: {problem}{context}"


def format_keypath(keypath: KeyPath) -> str:
    out = ""
    for part in keypath:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def load_yaml(path: str | Path, cls: type[ConfigError] = ConfigError,
              words: bool = False) -> YamlDoc:
    """Read and parse ``path``; any failure is a ConfigError naming the file (and line).
    ``words``: true and false keep their text (``WrittenBool``), for a watchlist's words."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise cls("file not found", path=str(path)) from None
    except IsADirectoryError:
        raise cls("is a directory, expected a YAML file", path=str(path)) from None
    except PermissionError:
        raise cls("permission denied: the file cannot be read", path=str(path)) from None
    except UnicodeDecodeError as exc:
        raise cls(f"not UTF-8 text ({exc.reason})", path=str(path)) from None
    except OSError as exc:
        raise cls(f"cannot read: {exc.strerror}", path=str(path)) from None
    loader = (_WordLoader if words else _LineLoader)(text)
    try:  # one parse: the node tree gives the lines, the same tree gives the data
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        raise cls(_yaml_problem(exc), path=str(path), line=_yaml_line(exc)) from None
    except yaml.YAMLError as exc:
        raise cls(f"invalid YAML: {exc}", path=str(path)) from None
    finally:
        loader.dispose()
    if node is None:
        return YamlDoc(path, data, None, None)
    try:
        lines = _lines(node, {}, set())
    except _Recursive as exc:
        raise cls("a YAML anchor is used inside its own value (&name [..., *name]): "
                  "combine anchors only with anchors defined before", path=str(path),
                  line=exc.line) from None
    return YamlDoc(path, data, node.start_mark.line + 1, lines)
