"""Python part of the warnings subsystem (gopy's own implementation).

Filters are (action, message, category, module, lineno) tuples, first match wins, as in
CPython's Lib/warnings.py; the frame walk, pattern matching and source lines come from
the native _warnings module until gopy has sys._getframe, re and linecache.
"""

import sys
import _warnings

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning", "filterwarnings",
           "simplefilter", "resetwarnings", "catch_warnings"]

_ACTIONS = ("error", "ignore", "always", "default", "module", "once")


class _Pattern:
    # The compiled form of a filter's message or module pattern (CPython keeps re
    # patterns); matching is anchored at the start, as re.match.
    def __init__(self, pattern, ignorecase):
        self.pattern = pattern
        self.ignorecase = ignorecase

    def match(self, text):
        return _warnings._match(self.pattern, text, self.ignorecase)

    def __eq__(self, other):
        if type(other) is not _Pattern:
            return NotImplemented
        return self.pattern == other.pattern and self.ignorecase == other.ignorecase

    def __hash__(self):
        return hash((self.pattern, self.ignorecase))

    def __repr__(self):
        if self.ignorecase:
            return "re.compile(" + repr(self.pattern) + ", re.IGNORECASE)"
        return "re.compile(" + repr(self.pattern) + ")"


def _escape(text):
    # CPython: Lib/re/__init__.py escape
    out = []
    for ch in text:
        if ch.isalnum() or ch == "_" or ord(ch) > 127:
            out.append(ch)
        else:
            out.append("\\" + ch)
    return "".join(out)


def _matches(pattern, text):
    # CPython: Python/_warnings.c check_matched: a plain str (the default filters') must
    # be equal, a pattern must match.
    if pattern is None:
        return True
    if type(pattern) is str:
        return pattern == text
    return bool(pattern.match(text))


class WarningMessage:
    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file", "line", "source")

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : " + repr(self.message) + ", category : " + repr(self._category_name) +
                ", filename : " + repr(self.filename) + ", lineno : " + repr(self.lineno) +
                ", line : " + repr(self.line) + "}")


def _formatwarnmsg_impl(msg):
    category = msg.category.__name__
    s = str(msg.filename) + ":" + str(msg.lineno) + ": " + category + ": " + str(msg.message) + "\n"
    if msg.line is None:
        line = _warnings._getline(msg.filename, msg.lineno)
    else:
        line = msg.line
    if line:
        s += "  " + line.strip() + "\n"
    return s


def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:
            return
    text = _formatwarnmsg(msg)
    try:
        file.write(text)
    except OSError:
        pass


def formatwarning(message, category, filename, lineno, line=None):
    """Function to format a warning the standard way."""
    return _formatwarnmsg_impl(WarningMessage(message, category, filename, lineno, None, line))


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Hook to write a warning to a file; replace if you like."""
    _showwarnmsg_impl(WarningMessage(message, category, filename, lineno, file, line))


_showwarning_orig = showwarning
_formatwarning_orig = formatwarning


def _formatwarnmsg(msg):
    if formatwarning is not _formatwarning_orig:
        return formatwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    return _formatwarnmsg_impl(msg)


def _showwarnmsg(msg):
    # A showwarning replaced by the program is called with the old signature.
    if showwarning is not _showwarning_orig:
        if not callable(showwarning):
            raise TypeError("warnings.showwarning() must be set to a function or method")
        showwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
        return
    _showwarnmsg_impl(msg)


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    """Insert an entry into the list of warnings filters (at the front)."""
    if action == "all":
        action = "always"
    if action not in _ACTIONS:
        raise AssertionError("invalid action: " + repr(action))
    if not isinstance(message, str):
        raise AssertionError("message must be a string")
    if not isinstance(category, type):
        raise AssertionError("category must be a class")
    if not issubclass(category, Warning):
        raise AssertionError("category must be a Warning subclass")
    if not isinstance(module, str):
        raise AssertionError("module must be a string")
    if not isinstance(lineno, int) or lineno < 0:
        raise AssertionError("lineno must be an int >= 0")
    _add_filter(action, _Pattern(message, True) if message else None, category,
                _Pattern(module, False) if module else None, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Insert a simple entry into the list of warnings filters (at the front)."""
    if action == "all":
        action = "always"
    if action not in _ACTIONS:
        raise AssertionError("invalid action: " + repr(action))
    if not isinstance(lineno, int) or lineno < 0:
        raise AssertionError("lineno must be an int >= 0")
    _add_filter(action, None, category, None, lineno, append=append)


def _add_filter(*item, append):
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)
    _filters_mutated()


def resetwarnings():
    """Clear the list of warning filters, so that no filters are active."""
    filters[:] = []
    _filters_mutated()


class _OptionError(Exception):
    """Exception used by option processing helpers."""


def _processoptions(args):
    # CPython: Lib/warnings.py _processoptions
    for arg in args:
        try:
            _setoption(arg)
        except _OptionError as msg:
            print("Invalid -W option ignored:", msg, file=sys.stderr)


def _setoption(arg):
    parts = arg.split(":")
    if len(parts) > 5:
        raise _OptionError("too many fields (max 5): " + repr(arg))
    while len(parts) < 5:
        parts.append("")
    action, message, category, module, lineno = [s.strip() for s in parts]
    action = _getaction(action)
    category = _getcategory(category)
    if message:
        message = _escape(message)
    if module:
        module = _escape(module) + "\\Z"
    if lineno:
        try:
            lineno = int(lineno)
            if lineno < 0:
                raise ValueError
        except (ValueError, OverflowError):
            raise _OptionError("invalid lineno " + repr(lineno)) from None
    else:
        lineno = 0
    filterwarnings(action, message, category, module, lineno)


def _getaction(action):
    if not action:
        return "default"
    for a in ("default", "always", "all", "ignore", "module", "once", "error"):
        if a.startswith(action):
            return a
    raise _OptionError("invalid action: " + repr(action))


def _getcategory(category):
    if not category:
        return Warning
    if "." not in category:
        import builtins as m
        klass = category
    else:
        module, _, klass = category.rpartition(".")
        try:
            import _imp
            m = _imp.import_module(module)
        except ImportError:
            raise _OptionError("invalid module name: " + repr(module)) from None
    try:
        cat = getattr(m, klass)
    except AttributeError:
        raise _OptionError("unknown warning category: " + repr(category)) from None
    if not issubclass(cat, Warning):
        raise _OptionError("invalid warning category: " + repr(category))
    return cat


def warn(message, category=None, stacklevel=1, source=None, *, skip_file_prefixes=()):
    """Issue a warning, or maybe ignore it or raise an exception."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '" + type(category).__name__ + "'")
    if not isinstance(skip_file_prefixes, tuple):
        raise TypeError("warn() argument 'skip_file_prefixes' must be tuple, not " +
                        type(skip_file_prefixes).__name__)
    if skip_file_prefixes:
        stacklevel = max(2, stacklevel)
    # The frame walk starts at this function's caller (sys._getframe(stacklevel)).
    caller = _warnings._caller(stacklevel, skip_file_prefixes)
    if caller is None:
        globals = sys.__dict__
        filename = "<sys>"
        lineno = 0
    else:
        filename, lineno, globals = caller
    module = globals.get("__name__", "<string>")
    registry = globals.get("__warningregistry__")
    if registry is None:
        registry = {}
        globals["__warningregistry__"] = registry
    warn_explicit(message, category, filename, lineno, module, registry, globals, source)


def _warn_unawaited_coroutine(coro):
    # Called by the runtime when a coroutine that never ran is freed; stacklevel 2 names
    # the frame that freed it.
    msg = "coroutine '" + coro.__qualname__ + "' was never awaited"
    warn(msg, category=RuntimeWarning, stacklevel=2, source=coro)


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    """Low-level interface to warnings functionality."""
    lineno = int(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3]
    if registry is None:
        registry = {}
    if registry.get("version", 0) != _filters_version:
        registry.clear()
        registry["version"] = _filters_version
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return
    for item in filters:
        action, msg, cat, mod, ln = item
        if (_matches(msg, text) and issubclass(category, cat) and _matches(mod, module) and
                (ln == 0 or lineno == ln)):
            break
    else:
        action = defaultaction
    if action == "ignore":
        return
    if action == "error":
        raise message
    if action == "once":
        registry[key] = 1
        oncekey = (text, category)
        if onceregistry.get(oncekey):
            return
        onceregistry[oncekey] = 1
    elif action == "always" or action == "all":
        pass
    elif action == "module":
        registry[key] = 1
        altkey = (text, category, 0)
        if registry.get(altkey):
            return
        registry[altkey] = 1
    elif action == "default":
        registry[key] = 1
    else:
        raise RuntimeError("Unrecognized action (" + repr(action) + ") in warnings.filters:\n " + str(item))
    _showwarnmsg(WarningMessage(message, category, filename, lineno, None, None, source))


class catch_warnings:
    """A context manager that copies and, upon exit, restores the warnings filter and
    the showwarning() function."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0,
                 append=False):
        self._record = record
        self._module = sys.modules["warnings"] if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        if self._module is not sys.modules["warnings"]:
            args.append("module=" + repr(self._module))
        return type(self).__name__ + "(" + ", ".join(args) + ")"

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter " + repr(self) + " twice")
        self._entered = True
        module = self._module
        self._filters = module.filters
        module.filters = self._filters[:]
        module._filters_mutated()
        self._showwarning = module.showwarning
        self._showwarnmsg_impl = module._showwarnmsg_impl
        if self._filter is not None:
            module.simplefilter(*self._filter)
        if self._record:
            log = []
            module._showwarnmsg_impl = log.append
            module.showwarning = module._showwarning_orig
            return log
        return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit " + repr(self) + " without entering first")
        module = self._module
        module.filters = self._filters
        module._filters_mutated()
        module.showwarning = self._showwarning
        module._showwarnmsg_impl = self._showwarnmsg_impl


def _filters_mutated():
    global _filters_version
    _filters_version += 1


_filters_version = 1
defaultaction = "default"
onceregistry = {}
# CPython: Python/_warnings.c init_filters (a release build's defaults).
filters = [
    ("default", None, DeprecationWarning, "__main__", 0),
    ("ignore", None, DeprecationWarning, None, 0),
    ("ignore", None, PendingDeprecationWarning, None, 0),
    ("ignore", None, ImportWarning, None, 0),
    ("ignore", None, ResourceWarning, None, 0),
]

_processoptions(sys.warnoptions)
