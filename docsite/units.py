r"""The unit of a bound number: traced through the page's code to the base it was computed in.

A number followed by a unit word (``0.5{= entropy(P, base="bits")} bits``, ``0.5 奈特``)
claims a unit, and the verifier holds the claim to the computation. `Units` reads the page's
code in order, and a binding's expression, and follows the logarithm's base through them
without running anything:

- an ``xent`` function that takes ``base`` is in that base (nats when it is not given), and
  ``log_softmax``, ``logsumexp`` and the results of ``xent.symbolic``'s derivations (natural
  logarithms) are in nats;
- ``log`` is in nats (``log(x, 2)`` in bits), ``log2`` in bits, ``log10`` in bans, ``log1p``
  and NumPy's ``logaddexp`` in nats;
- dividing by ``log(b)`` converts nats to base b, and multiplying by it converts back;
- a sum keeps the unit of its terms (plain numbers added to a quantity take its unit, two
  different units make it unknown); a product or a quotient with a plain number keeps the
  unit; a ratio of two quantities in one unit is plain; ``exp`` and powers are plain;
- a name has the unit of what the code last assigned to it, and a call of a function the page
  defines has the unit of what it returns, given the units of the arguments.

What cannot be traced is `UNKNOWN`, and a unit word after such a number is an error: bind the
number to the ``xent`` call, or the logarithm, that computes it.
"""

from __future__ import annotations

import ast
import doctest
import inspect
import re
from typing import Final

import xent

__all__ = ["PLAIN", "UNITS", "UNIT_WORD", "UNKNOWN", "Units"]

#: The information units, by the word the pages write after a number, in both editions.
UNITS: Final[dict[str, str]] = {
    **dict.fromkeys(["nat", "nats", "奈特", "纳特"], "nats"),
    **dict.fromkeys(["bit", "bits", "比特"], "bits"),
    **dict.fromkeys(["ban", "bans", "hartley", "hartleys", "哈特莱"], "bans"),
}
#: A unit word right after a bound number and its binding: `` bits``, ``-bit``, a line break
#: and ``nats``, `` 奈特``, ``比特每符号`` (an English word ends there, a Chinese one need not).
UNIT_WORD: Final = re.compile(
    r"(?:[ \t\u00a0]|\n[ \t]*)?-?(?P<word>(?:"
    + "|".join(sorted((w for w in UNITS if w.isascii()), key=len, reverse=True))
    + r")(?![\w-])|"
    + "|".join(w for w in UNITS if not w.isascii())
    + ")"
)
#: A number without a unit: a probability, a count, a perplexity, a ratio of two quantities.
PLAIN: Final = "plain"
#: A number whose unit the code does not show.
UNKNOWN: Final = "unknown"
#: A number written in the code: plain, but it also takes the unit of what it is added to.
_LITERAL: Final = "literal"

#: A unit, `PLAIN`, `UNKNOWN`, `_LITERAL`, or one of these for each element of a tuple.
Unit = str | tuple["Unit", ...]

_BASE_NAMES: Final = {"nats": "nats", "bits": "bits", "bans": "bans", "hartleys": "bans"}
_NUMERIC_BASES: Final = {2: "bits", 10: "bans"}
_LOGARITHMS: Final = {
    "log": "nats",
    "log1p": "nats",
    "logaddexp": "nats",
    "log2": "bits",
    "log10": "bans",
    "log_softmax": "nats",
    "logsumexp": "nats",
}
#: Functions and methods whose result has the unit of their first argument (or object).
_KEEPING: Final = frozenset(
    {"abs", "float", "sum", "max", "min", "sorted", "list", "tuple", "array", "asarray",
     "float64", "float32", "mean", "fsum", "fabs", "diff", "cumsum", "ravel", "tolist",
     "item", "subs", "evalf", "reshape", "flatten", "nansum"}
)  # fmt: skip
#: Functions whose result is a plain number.
_PLAIN_FUNCTIONS: Final = frozenset(
    {"exp", "expm1", "sqrt", "len", "softmax", "perplexity", "linspace", "arange", "zeros",
     "ones", "full", "range", "int", "argmax", "argmin", "count"}
)  # fmt: skip
#: Plain constants: ``math.pi``, ``np.e``, ``inf``.
_CONSTANTS: Final = frozenset({"e", "pi", "inf", "tau", "nan"})
#: How deep calls of the page's own functions are followed.
_DEPTH: Final = 8


def _information_functions() -> frozenset[str]:
    """Return the public names of ``xent`` whose result is in the unit of a ``base`` argument."""
    return frozenset(
        name
        for name in xent.__all__
        if callable(function := getattr(xent, name))
        and "base" in inspect.signature(function).parameters
    )


_INFORMATION: Final = _information_functions()


def _flat(unit: Unit) -> str:
    """Return one unit for a tuple: the common unit of its elements (`_combine`)."""
    return _combine(list(unit)) if isinstance(unit, tuple) else unit


def _combine(units: list[Unit]) -> str:
    """Return the unit of a sum: the common unit of the terms; plain numbers take it."""
    flat = {_flat(unit) for unit in units}
    if UNKNOWN in flat:
        return UNKNOWN
    found = flat - {_LITERAL, PLAIN}
    if len(found) > 1:
        return UNKNOWN
    if found:
        return found.pop()
    return PLAIN if PLAIN in flat else _LITERAL


def _is_unit(unit: str) -> bool:
    return unit in _BASE_NAMES.values()


class Units:
    r"""The units of what a page's code has defined so far, in page order.

    Examples
    --------
    >>> units = Units()
    >>> units.read("python", "from xent import entropy\nH = entropy([0.5, 0.5], base=2)")
    >>> units.unit_of("H"), units.unit_of("H * log(2)"), units.unit_of("2 ** H")
    ('bits', 'nats', 'plain')
    >>> units.unit_of("H + entropy([0.5, 0.5])"), units.unit_of("H / entropy([0.5, 0.5])")
    ('unknown', 'unknown')
    """

    def __init__(self) -> None:
        self._names: dict[str, Unit] = {}
        self._functions: dict[str, ast.FunctionDef] = {}
        self._derivations: set[str] = set()
        #: Names bound to a constant (a ``base="bits"`` default, ``BASE = 2``): for ``base=``.
        self._constants: dict[str, ast.expr] = {}
        self._depth = 0

    def read(self, language: str, code: str) -> None:
        """Follow a ``python`` block or the examples of a ``pycon`` block."""
        if language == "pycon":
            for example in doctest.DocTestParser().get_examples(code):
                self.read("python", example.source)
            return
        try:
            tree = ast.parse(code)
        except SyntaxError:
            return
        for statement in tree.body:
            self._statement(statement)

    def unit_of(self, expression: str) -> str:
        """Return the unit of ``expression``: a unit, `PLAIN` or `UNKNOWN`."""
        try:
            tree = ast.parse(expression, mode="eval")
        except SyntaxError:
            return UNKNOWN
        unit = _flat(self._unit(tree.body))
        return PLAIN if unit == _LITERAL else unit

    def _statement(self, statement: ast.stmt) -> None:
        if isinstance(statement, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            self._assignment(statement)
        elif isinstance(statement, ast.FunctionDef):
            self._names.pop(statement.name, None)
            self._functions[statement.name] = statement
        elif isinstance(statement, (ast.Import, ast.ImportFrom)):
            symbolic = isinstance(statement, ast.ImportFrom) and statement.module == "xent.symbolic"
            for alias in statement.names:
                name = alias.asname or alias.name.split(".")[0]
                self._forget(name)
                if symbolic and alias.name not in _INFORMATION:
                    self._derivations.add(name)
        else:  # loops, conditions, with: what they assign is not followed
            for node in ast.walk(statement):
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                    self._assign(node, UNKNOWN)

    def _assignment(self, statement: ast.Assign | ast.AnnAssign | ast.AugAssign) -> None:
        if isinstance(statement, ast.AugAssign):
            value: ast.expr | None = ast.BinOp(statement.target, statement.op, statement.value)
            targets: list[ast.expr] = [statement.target]
        else:
            value = statement.value
            assign = isinstance(statement, ast.Assign)
            targets = list(statement.targets) if assign else [statement.target]  # type: ignore[union-attr]
        if value is None:
            return
        unit = self._unit(value)
        for target in targets:
            self._assign(target, unit)
            if isinstance(target, ast.Name) and isinstance(value, ast.Constant):
                self._constants[target.id] = value

    def _forget(self, name: str) -> None:
        self._names.pop(name, None)
        self._constants.pop(name, None)
        self._functions.pop(name, None)
        self._derivations.discard(name)

    def _assign(self, target: ast.expr, unit: Unit) -> None:
        if isinstance(target, ast.Name):
            self._forget(target.id)
            self._names[target.id] = unit
        elif isinstance(target, (ast.Tuple, ast.List)):
            paired = isinstance(unit, tuple) and len(unit) == len(target.elts)
            for index, element in enumerate(target.elts):
                self._assign(element, unit[index] if paired else UNKNOWN)

    def _unit(self, node: ast.expr) -> Unit:  # noqa: PLR0911 (one return per kind of node)
        if isinstance(node, ast.Constant):
            return _LITERAL if isinstance(node.value, (int, float)) else PLAIN
        if isinstance(node, ast.Name):
            return self._names.get(node.id, PLAIN if node.id in _CONSTANTS else UNKNOWN)
        if isinstance(node, (ast.UnaryOp, ast.Starred)):
            return self._unit(node.operand if isinstance(node, ast.UnaryOp) else node.value)
        if isinstance(node, (ast.Tuple, ast.List)):  # a tuple's elements keep their own units
            units = [self._unit(element) for element in node.elts]
            return tuple(units) if isinstance(node, ast.Tuple) else _combine(units)
        if isinstance(node, ast.BinOp):
            return self._binary(node)
        if isinstance(node, ast.Call):
            return self._call(node)
        if isinstance(node, ast.Attribute) and node.attr in _CONSTANTS:
            return PLAIN
        if isinstance(node, (ast.Attribute, ast.Subscript)):
            return _flat(self._unit(node.value))  # P[0], .real, a derivation's .result.rhs
        if isinstance(node, (ast.GeneratorExp, ast.ListComp)):
            return self._comprehension(node)
        return UNKNOWN

    def _comprehension(self, node: ast.GeneratorExp | ast.ListComp) -> Unit:
        """Return the unit of the elements, the loop variables taken as plain numbers."""
        saved = dict(self._names)
        for generator in node.generators:
            for name in ast.walk(generator.target):
                if isinstance(name, ast.Name):
                    self._names[name.id] = _LITERAL
        unit = self._unit(node.elt)
        self._names = saved
        return unit

    def _binary(self, node: ast.BinOp) -> str:  # noqa: PLR0911 (one return per rule)
        left, right = _flat(self._unit(node.left)), _flat(self._unit(node.right))
        if isinstance(node.op, (ast.Add, ast.Sub)):
            return _combine([left, right])
        if isinstance(node.op, ast.Pow):  # 2 ** H_bits, a square: not in a unit of information
            return UNKNOWN if _is_unit(left) else PLAIN
        if not isinstance(node.op, (ast.Mult, ast.Div)):
            return UNKNOWN
        converted = _converted(node, left, right)
        if converted is not None:
            return converted
        if UNKNOWN in (left, right):
            return UNKNOWN
        if _is_unit(left) and _is_unit(right):
            same_ratio = isinstance(node.op, ast.Div) and left == right
            return PLAIN if same_ratio else UNKNOWN
        if _is_unit(right):
            return right if isinstance(node.op, ast.Mult) else UNKNOWN
        if _is_unit(left):
            return left
        return PLAIN if PLAIN in (left, right) else _LITERAL

    def _call(self, node: ast.Call) -> Unit:  # noqa: PLR0911 (one return per kind of call)
        name = _called_name(node.func)
        if name is None or name in self._names:
            return UNKNOWN
        if name in self._functions:
            return self._returned(self._functions[name], node)
        if name in self._derivations:
            return "nats"  # xent.symbolic derives with natural logarithms
        if name in _INFORMATION:
            bases = [keyword.value for keyword in node.keywords if keyword.arg == "base"]
            return self._base_unit(bases[0]) if bases else "nats"
        if name in _LOGARITHMS:
            if name == "log" and len(node.args) == 2:
                return self._base_unit(node.args[1])
            return _LOGARITHMS[name]
        if name in _KEEPING:
            method = isinstance(node.func, ast.Attribute) and not _is_module(node.func.value)
            operand = node.func.value if method else (node.args[0] if node.args else None)  # type: ignore[attr-defined]
            return UNKNOWN if operand is None else _flat(self._unit(operand))
        return PLAIN if name in _PLAIN_FUNCTIONS else UNKNOWN

    def _returned(self, function: ast.FunctionDef, call: ast.Call) -> Unit:
        """Return the unit a call of a page's function returns, given its arguments' units."""
        if self._depth >= _DEPTH:
            return UNKNOWN
        arguments = function.args
        parameters = [*arguments.posonlyargs, *arguments.args]
        every = [*parameters, *arguments.kwonlyargs]
        defaults = [*[None] * (len(parameters) - len(arguments.defaults)), *arguments.defaults]
        values: dict[str, ast.expr | None] = {
            **{p.arg: d for p, d in zip(parameters, defaults, strict=True)},
            **{p.arg: d for p, d in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True)},
            **{p.arg: v for p, v in zip(parameters, call.args, strict=False)},
            **{k.arg: k.value for k in call.keywords if k.arg is not None},
        }
        inner = Units()
        inner._names = dict(self._names)
        inner._constants = dict(self._constants)
        for parameter in every:
            value = values.get(parameter.arg)
            inner._names[parameter.arg] = _LITERAL if value is None else self._unit(value)
            resolved = self._resolved(value)
            if isinstance(resolved, ast.Constant):
                inner._constants[parameter.arg] = resolved
            else:
                inner._constants.pop(parameter.arg, None)
        inner._functions = dict(self._functions)
        inner._derivations = set(self._derivations)
        inner._depth = self._depth + 1
        returned: list[Unit] = []
        for statement in function.body:
            if isinstance(statement, ast.Return) and statement.value is not None:
                returned.append(inner._unit(statement.value))
            else:
                nested = not isinstance(statement, ast.FunctionDef)
                if nested and any(isinstance(n, ast.Return) for n in ast.walk(statement)):
                    returned.append(UNKNOWN)  # a return inside a loop or condition
                inner._statement(statement)
        if len(returned) == 1:
            return returned[0]
        return _combine(returned) if returned else UNKNOWN

    def _resolved(self, node: ast.expr | None) -> ast.expr | None:
        """Replace a name bound to a constant by the constant."""
        if isinstance(node, ast.Name) and node.id in self._constants:
            return self._constants[node.id]
        return node

    def _base_unit(self, node: ast.expr) -> str:
        """Return the unit a ``base`` gives: ``"bits"`` or ``2`` -> bits, ``math.e`` -> nats."""
        node = self._resolved(node) or node
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return _BASE_NAMES.get(node.value, UNKNOWN)
        if isinstance(node, ast.Constant) and type(node.value) is int:
            return _NUMERIC_BASES.get(node.value, UNKNOWN)
        if isinstance(node, (ast.Attribute, ast.Name)) and _called_name(node) == "e":
            return "nats"
        return UNKNOWN


def _is_module(node: ast.expr) -> bool:
    """Whether ``node`` names a module (``np.sum(x)``) rather than an object (``x.sum()``)."""
    return isinstance(node, ast.Name) and node.id in ("np", "numpy", "math", "xent", "statistics")


def _converted(node: ast.BinOp, left: str, right: str) -> str | None:
    """``x / log(2)`` in bits, ``x * log(2)`` or ``log(2) * x`` in nats; None: no conversion."""
    divisor = _log_of_base(node.right)
    if isinstance(node.op, ast.Div) and divisor is not None:
        return divisor if left in ("nats", _LITERAL) else UNKNOWN
    if isinstance(node.op, ast.Mult):
        for factor, other in ((node.right, left), (node.left, right)):
            base = _log_of_base(factor)
            if base is not None:
                return "nats" if other in (base, _LITERAL) else UNKNOWN
    return None


def _called_name(function: ast.expr) -> str | None:
    """``entropy``, ``xent.entropy``, ``math.log``, ``np.log``, ``H.sum`` -> the last name."""
    if isinstance(function, ast.Name):
        return function.id
    if isinstance(function, ast.Attribute):
        return function.attr
    return None


def _log_of_base(node: ast.expr) -> str | None:
    """``log(2)`` -> ``"bits"``, ``log(10)`` -> ``"bans"``: a conversion factor, else None."""
    if (
        isinstance(node, ast.Call)
        and _called_name(node.func) == "log"
        and len(node.args) == 1
        and isinstance(node.args[0], ast.Constant)
        and type(node.args[0].value) is int
    ):
        return _NUMERIC_BASES.get(node.args[0].value)
    return None
