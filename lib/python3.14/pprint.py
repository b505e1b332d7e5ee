"""Pretty-printing of Python data structures.

pprint() writes an object's representation to a stream, wrapped to a width and indented
by nesting; pformat() returns it; pp() is pprint() keeping dict order; saferepr() is a
repr() that survives recursive structures; PrettyPrinter holds the settings.
"""
import sys as _sys

__all__ = ["pprint", "pformat", "isreadable", "isrecursive", "saferepr", "PrettyPrinter", "pp"]


def pprint(object, stream=None, indent=1, width=80, depth=None, *, compact=False,
           sort_dicts=True, underscore_numbers=False):
    """Pretty-print object to stream (sys.stdout by default)."""
    PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth, compact=compact,
                  sort_dicts=sort_dicts, underscore_numbers=underscore_numbers).pprint(object)


def pformat(object, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True,
            underscore_numbers=False):
    """The pretty-printed representation of object, as a str."""
    return PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact,
                         sort_dicts=sort_dicts,
                         underscore_numbers=underscore_numbers).pformat(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    """Pretty-print object, dicts in their own order unless sort_dicts is true."""
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def saferepr(object):
    """repr() that shows recursive structures as <Recursion on ...>."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[0]


def isreadable(object):
    """Whether saferepr(object) can be read back by eval()."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[1]


def isrecursive(object):
    """Whether object contains itself."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[2]


class _safe_key:
    """Sort key that orders values of types that do not compare by type name, then id."""
    __slots__ = ['obj']

    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        try:
            return self.obj < other.obj
        except TypeError:
            return (str(type(self.obj)), id(self.obj)) < (str(type(other.obj)), id(other.obj))


def _safe_tuple(pair):
    return _safe_key(pair[0]), _safe_key(pair[1])


def _recursion(object):
    return f"<Recursion on {type(object).__name__} with id={id(object)}>"


def _words(line):
    # The line as runs of non-space characters each followed by its spaces.
    parts = []
    start = 0
    n = len(line)
    i = 0
    while i < n:
        while i < n and not line[i].isspace():
            i += 1
        while i < n and line[i].isspace():
            i += 1
        parts.append(line[start:i])
        start = i
    return parts


def _fill(pieces, width, last_allowance, render):
    # Greedy filling: joins consecutive pieces while render(joined) fits the width (the
    # last piece must leave room for last_allowance); returns the rendered chunks.
    chunks = []
    current = pieces[0][:0]
    last = len(pieces) - 1
    for i, piece in enumerate(pieces):
        candidate = current + piece
        limit = width - last_allowance if i == last else width
        if len(render(candidate)) > limit:
            if current:
                chunks.append(render(current))
            current = piece
        else:
            current = candidate
    if current:
        chunks.append(render(current))
    return chunks


_builtin_scalars = frozenset({str, bytes, bytearray, float, complex, bool, type(None)})


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *, compact=False,
                 sort_dicts=True, underscore_numbers=False):
        """indent: spaces per nesting level; width: the columns to fit in; depth: how many
        levels to show (deeper ones become ...); stream: where pprint() writes (sys.stdout
        by default); compact: several short items a line; sort_dicts: dicts by sorted
        keys; underscore_numbers: ints with _ between digit groups."""
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError('indent must be >= 0')
        if depth is not None and depth <= 0:
            raise ValueError('depth must be > 0')
        if not width:
            raise ValueError('width must be != 0')
        self._depth = depth
        self._indent_per_level = indent
        self._width = width
        self._stream = stream if stream is not None else _sys.stdout
        self._compact = bool(compact)
        self._sort_dicts = sort_dicts
        self._underscore_numbers = underscore_numbers

    def pprint(self, object):
        if self._stream is not None:
            self._format(object, self._stream, 0, 0, {}, 0)
            self._stream.write("\n")

    def pformat(self, object):
        out = _Collector()
        self._format(object, out, 0, 0, {}, 0)
        return out.getvalue()

    def isrecursive(self, object):
        return self.format(object, {}, 0, 0)[2]

    def isreadable(self, object):
        text, readable, recursive = self.format(object, {}, 0, 0)
        return readable and not recursive

    def format(self, object, context, maxlevels, level):
        """(repr, readable, recursive) of object; subclasses may override it."""
        return self._safe_repr(object, context, maxlevels, level)

    # ---- Layout ------------------------------------------------------------------------

    def _format(self, object, stream, indent, allowance, context, level):
        # Writes object's repr when it fits in the width left, else its wrapped form.
        objid = id(object)
        if objid in context:
            stream.write(_recursion(object))
            self._recursive = True
            self._readable = False
            return
        rep = self._repr(object, context, level)
        if len(rep) > self._width - indent - allowance:
            wrap = _wrapper_for(type(object))
            if wrap is None and _is_generated_dataclass(object):
                wrap = PrettyPrinter._pprint_dataclass
            if wrap is not None:
                context[objid] = 1
                wrap(self, object, stream, indent, allowance, context, level + 1)
                del context[objid]
                return
        stream.write(rep)

    def _repr(self, object, context, level):
        text, readable, recursive = self.format(object, context.copy(), self._depth, level)
        if not readable:
            self._readable = False
        if recursive:
            self._recursive = True
        return text

    def _open_pad(self, stream):
        if self._indent_per_level > 1:
            stream.write((self._indent_per_level - 1) * ' ')

    def _format_items(self, items, stream, indent, allowance, context, level):
        # One item a line; with compact, as many short items a line as fit.
        indent += self._indent_per_level
        self._open_pad(stream)
        items = list(items)
        if not items:
            return
        newline = ',\n' + ' ' * indent
        room = full = self._width - indent + 1
        separator = ''
        last_index = len(items) - 1
        for i, item in enumerate(items):
            last = i == last_index
            if last:
                full -= allowance
                room -= allowance
            if self._compact:
                rep = self._repr(item, context, level)
                needed = len(rep) + 2
                if room < needed:
                    room = full
                    if separator:
                        separator = newline
                if room >= needed:
                    room -= needed
                    stream.write(separator)
                    separator = ', '
                    stream.write(rep)
                    continue
            stream.write(separator)
            separator = newline
            self._format(item, stream, indent, allowance if last else 1, context, level)

    def _format_dict_items(self, items, stream, indent, allowance, context, level):
        indent += self._indent_per_level
        newline = ',\n' + ' ' * indent
        items = list(items)
        last_index = len(items) - 1
        for i, (key, value) in enumerate(items):
            last = i == last_index
            rep = self._repr(key, context, level)
            stream.write(rep)
            stream.write(': ')
            self._format(value, stream, indent + len(rep) + 2, allowance if last else 1,
                         context, level)
            if not last:
                stream.write(newline)

    def _format_namespace_items(self, items, stream, indent, allowance, context, level):
        newline = ',\n' + ' ' * indent
        items = list(items)
        last_index = len(items) - 1
        for i, (name, value) in enumerate(items):
            last = i == last_index
            stream.write(name)
            stream.write('=')
            if id(value) in context:
                stream.write('...')  # as a dataclass's own repr shows recursion
            else:
                self._format(value, stream, indent + len(name) + 1, allowance if last else 1,
                             context, level)
            if not last:
                stream.write(newline)

    # ---- Wrapped forms, by type ----------------------------------------------------------

    def _dict_items(self, object):
        if self._sort_dicts:
            return sorted(object.items(), key=_safe_tuple)
        return object.items()

    def _pprint_dict(self, object, stream, indent, allowance, context, level):
        stream.write('{')
        self._open_pad(stream)
        if len(object):
            self._format_dict_items(self._dict_items(object), stream, indent, allowance + 1,
                                    context, level)
        stream.write('}')

    def _pprint_list(self, object, stream, indent, allowance, context, level):
        stream.write('[')
        self._format_items(object, stream, indent, allowance + 1, context, level)
        stream.write(']')

    def _pprint_tuple(self, object, stream, indent, allowance, context, level):
        stream.write('(')
        close = ',)' if len(object) == 1 else ')'
        self._format_items(object, stream, indent, allowance + len(close), context, level)
        stream.write(close)

    def _pprint_set(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        cls = object.__class__
        if cls is set:
            stream.write('{')
            close = '}'
        else:
            stream.write(cls.__name__ + '({')
            close = '})'
            indent += len(cls.__name__) + 1
        self._format_items(sorted(object, key=_safe_key), stream, indent,
                           allowance + len(close), context, level)
        stream.write(close)

    def _pprint_str(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        if level == 1:  # at the top: parenthesized, one column in
            indent += 1
            allowance += 1
        width = self._width - indent
        lines = object.splitlines(True)
        chunks = []
        last_line = len(lines) - 1
        for i, line in enumerate(lines):
            rep = repr(line)
            limit = width - allowance if i == last_line else width
            if len(rep) <= limit:
                chunks.append(rep)
            else:
                chunks.extend(_fill(_words(line), width, allowance if i == last_line else 0,
                                    repr))
        if len(chunks) == 1:
            stream.write(rep)
            return
        if level == 1:
            stream.write('(')
        stream.write(('\n' + ' ' * indent).join(chunks))
        if level == 1:
            stream.write(')')

    def _pprint_bytes(self, object, stream, indent, allowance, context, level):
        if len(object) <= 4:
            stream.write(repr(object))
            return
        top = level == 1
        if top:
            indent += 1
            allowance += 1
            stream.write('(')
        groups = [object[i:i + 4] for i in range(0, len(object), 4)]
        stream.write(('\n' + ' ' * indent).join(
            _fill(groups, self._width - indent, allowance, repr)))
        if top:
            stream.write(')')

    def _pprint_bytearray(self, object, stream, indent, allowance, context, level):
        stream.write('bytearray(')
        self._pprint_bytes(bytes(object), stream, indent + 10, allowance + 1, context,
                           level + 1)
        stream.write(')')

    def _pprint_mappingproxy(self, object, stream, indent, allowance, context, level):
        stream.write('mappingproxy(')
        self._format(object.copy(), stream, indent + 13, allowance + 1, context, level)
        stream.write(')')

    def _pprint_simplenamespace(self, object, stream, indent, allowance, context, level):
        # SimpleNamespace's repr says "namespace"; a subclass's says its name.
        name = 'namespace' if type(object) is _namespace_type else object.__class__.__name__
        stream.write(name + '(')
        self._format_namespace_items(object.__dict__.items(), stream, indent + len(name) + 1,
                                     allowance, context, level)
        stream.write(')')

    def _pprint_dataclass(self, object, stream, indent, allowance, context, level):
        from dataclasses import fields
        name = object.__class__.__name__
        items = [(f.name, getattr(object, f.name)) for f in fields(object) if f.repr]
        stream.write(name + '(')
        self._format_namespace_items(items, stream, indent + len(name) + 1, allowance,
                                     context, level)
        stream.write(')')

    def _pprint_ordered_dict(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        name = object.__class__.__name__
        stream.write(name + '(')
        self._format(list(object.items()), stream, indent + len(name) + 1, allowance + 1,
                     context, level)
        stream.write(')')

    def _pprint_default_dict(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        factory = self._repr(object.default_factory, context, level)
        name = object.__class__.__name__
        indent += len(name) + 1
        stream.write(f"{name}({factory},\n{' ' * indent}")
        self._pprint_dict(object, stream, indent, allowance + 1, context, level)
        stream.write(')')

    def _pprint_counter(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        name = object.__class__.__name__
        stream.write(name + '({')
        self._open_pad(stream)
        self._format_dict_items(object.most_common(), stream, indent + len(name) + 1,
                                allowance + 2, context, level)
        stream.write('})')

    def _pprint_chain_map(self, object, stream, indent, allowance, context, level):
        if not len(object.maps):
            stream.write(repr(object))
            return
        name = object.__class__.__name__
        stream.write(name + '(')
        indent += len(name) + 1
        last_index = len(object.maps) - 1
        for i, mapping in enumerate(object.maps):
            if i == last_index:
                self._format(mapping, stream, indent, allowance + 1, context, level)
                stream.write(')')
            else:
                self._format(mapping, stream, indent, 1, context, level)
                stream.write(',\n' + ' ' * indent)

    def _pprint_deque(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        name = object.__class__.__name__
        stream.write(name + '([')
        indent += len(name) + 1
        if object.maxlen is None:
            self._format_items(object, stream, indent, allowance + 2, context, level)
            stream.write('])')
        else:
            self._format_items(object, stream, indent, 2, context, level)
            maxlen = self._repr(object.maxlen, context, level)
            stream.write(f"],\n{' ' * indent}maxlen={maxlen})")

    def _pprint_user_container(self, object, stream, indent, allowance, context, level):
        self._format(object.data, stream, indent, allowance, context, level - 1)

    # ---- repr with depth and recursion ---------------------------------------------------

    def _safe_repr(self, object, context, maxlevels, level):
        # (repr, readable, recursive).
        typ = type(object)
        if typ in _builtin_scalars:
            return repr(object), True, False
        own_repr = getattr(typ, '__repr__', None)
        if issubclass(typ, int) and own_repr is int.__repr__:
            if self._underscore_numbers:
                return f"{object:_d}", True, False
            return repr(object), True, False
        if issubclass(typ, dict) and own_repr is dict.__repr__:
            if not object:
                return '{}', True, False
            return self._safe_container(object, context, maxlevels, level, '{%s}',
                                        self._dict_items(object), True)
        if issubclass(typ, list) and own_repr is list.__repr__:
            if not object:
                return '[]', True, False
            return self._safe_container(object, context, maxlevels, level, '[%s]', object, False)
        if issubclass(typ, tuple) and own_repr is tuple.__repr__:
            if not object:
                return '()', True, False
            template = '(%s,)' if len(object) == 1 else '(%s)'
            return self._safe_container(object, context, maxlevels, level, template, object,
                                        False)
        rep = repr(object)
        return rep, bool(rep and not rep.startswith('<')), False

    def _safe_container(self, object, context, maxlevels, level, template, items, pairs):
        objid = id(object)
        if maxlevels and level >= maxlevels:
            return template % '...', False, objid in context
        if objid in context:
            return _recursion(object), False, True
        context[objid] = 1
        readable = True
        recursive = False
        parts = []
        level += 1
        for item in items:
            if pairs:
                key, value = item
                krep, kreadable, krecursive = self.format(key, context, maxlevels, level)
                vrep, vreadable, vrecursive = self.format(value, context, maxlevels, level)
                parts.append(f'{krep}: {vrep}')
                readable = readable and kreadable and vreadable
                recursive = recursive or krecursive or vrecursive
            else:
                rep, item_readable, item_recursive = self.format(item, context, maxlevels, level)
                parts.append(rep)
                readable = readable and item_readable
                recursive = recursive or item_recursive
        del context[objid]
        return template % ', '.join(parts), readable, recursive


class _Collector:
    # The pieces pformat() writes, joined at the end (io.StringIO's role, without io).
    def __init__(self):
        self._parts = []
        self.write = self._parts.append

    def getvalue(self):
        return ''.join(self._parts)


_namespace_type = type(_sys.implementation)
_mappingproxy_type = type(type.__dict__)

# The wrapped form of a type, looked up by its __repr__ (so that a subclass with its own
# __repr__ prints that). The collections types join once their module is loaded.
_dispatch = {
    dict.__repr__: PrettyPrinter._pprint_dict,
    list.__repr__: PrettyPrinter._pprint_list,
    tuple.__repr__: PrettyPrinter._pprint_tuple,
    set.__repr__: PrettyPrinter._pprint_set,
    frozenset.__repr__: PrettyPrinter._pprint_set,
    str.__repr__: PrettyPrinter._pprint_str,
    bytes.__repr__: PrettyPrinter._pprint_bytes,
    bytearray.__repr__: PrettyPrinter._pprint_bytearray,
}
if _mappingproxy_type is not dict:
    _dispatch[_mappingproxy_type.__repr__] = PrettyPrinter._pprint_mappingproxy
_dispatch[_namespace_type.__repr__] = PrettyPrinter._pprint_simplenamespace
_collections_added = False


def _add_collections():
    global _collections_added
    collections = _sys.modules.get('collections')
    if collections is None:
        return
    _collections_added = True
    for name, wrap in [('OrderedDict', PrettyPrinter._pprint_ordered_dict),
                       ('defaultdict', PrettyPrinter._pprint_default_dict),
                       ('Counter', PrettyPrinter._pprint_counter),
                       ('ChainMap', PrettyPrinter._pprint_chain_map),
                       ('deque', PrettyPrinter._pprint_deque),
                       ('UserDict', PrettyPrinter._pprint_user_container),
                       ('UserList', PrettyPrinter._pprint_user_container),
                       ('UserString', PrettyPrinter._pprint_user_container)]:
        cls = getattr(collections, name, None)
        if cls is not None:
            _dispatch[cls.__repr__] = wrap


_proxy_added = False


def _add_mappingproxy():
    # gopy's type.__dict__ is a plain dict: types.MappingProxyType is the only proxy, and
    # exists once types is loaded (CPython: pprint registers _types.MappingProxyType).
    global _proxy_added
    types = _sys.modules.get('types')
    proxy = getattr(types, 'MappingProxyType', None)
    if proxy is None:
        return
    _proxy_added = True
    _dispatch[proxy.__repr__] = PrettyPrinter._pprint_mappingproxy


def _wrapper_for(cls):
    if not _collections_added:
        _add_collections()
    if not _proxy_added:
        _add_mappingproxy()
    return _dispatch.get(cls.__repr__)


def _is_generated_dataclass(object):
    # A dataclass instance whose __repr__ is the one dataclasses generated.
    params = getattr(type(object), '__dataclass_params__', None)
    if params is None or isinstance(object, type) or not params.repr:
        return False
    wrapped = getattr(object.__repr__, '__wrapped__', None)
    return wrapped is not None and '__create_fn__' in wrapped.__qualname__
