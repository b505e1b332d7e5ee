"""Introspecting annotations (PEP 649/749): gopy's annotationlib.

gopy's compiler makes the __annotate__ functions of PEP 649. They evaluate the VALUE
format (and VALUE_WITH_FAKE_GLOBALS); the FORWARDREF and STRING formats are derived here
from the values (STRING gives each value's type_repr). Without CPython's fake globals,
FORWARDREF runs the function again with each name it found undefined standing for a
ForwardRef (so `Node | None` becomes a union of ForwardRef('Node') and None, where
CPython keeps ForwardRef('Node | None')).
"""

import sys

__all__ = [
    'Format', 'ForwardRef', 'call_annotate_function', 'call_evaluate_function',
    'get_annotate_from_class_namespace', 'get_annotations', 'annotations_to_string',
    'type_repr',
]


class _FormatMember(int):
    """A member of Format: an int with the enum's name and repr."""

    def __new__(cls, value, name):
        self = int.__new__(cls, value)
        self._name_ = name
        return self

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return int(self)

    def __repr__(self):
        return '<Format.%s: %d>' % (self._name_, int(self))

    def __str__(self):
        return 'Format.%s' % self._name_

    def __reduce__(self):
        return (getattr, (Format, self._name_))


class _FormatType(type):

    def __iter__(cls):
        return iter(cls._members_)

    def __len__(cls):
        return len(cls._members_)

    def __call__(cls, value):
        for member in cls._members_:
            if member == value:
                return member
        raise ValueError('%r is not a valid Format' % (value,))

    def __contains__(cls, value):
        return value in cls._members_

    def __repr__(cls):
        return "<enum 'Format'>"


class Format(metaclass=_FormatType):
    """The formats in which annotations can be returned."""
    VALUE = _FormatMember(1, 'VALUE')
    VALUE_WITH_FAKE_GLOBALS = _FormatMember(2, 'VALUE_WITH_FAKE_GLOBALS')
    FORWARDREF = _FormatMember(3, 'FORWARDREF')
    STRING = _FormatMember(4, 'STRING')


Format._members_ = (Format.VALUE, Format.VALUE_WITH_FAKE_GLOBALS, Format.FORWARDREF,
                    Format.STRING)

_SLOTS = ('__forward_is_argument__', '__forward_is_class__', '__forward_module__',
          '__weakref__', '__arg__', '__globals__', '__extra_names__', '__code__',
          '__ast_node__', '__cell__', '__owner__', '__stringifier_dict__')


class ForwardRef:
    """A forward reference: an annotation's source text, evaluated on demand."""

    __slots__ = _SLOTS

    def __init__(self, arg, *, module=None, owner=None, is_argument=True, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f'Forward reference must be a string -- got {arg!r}')
        self.__arg__ = arg
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self.__forward_module__ = module
        self.__code__ = None
        self.__ast_node__ = None
        self.__globals__ = None
        self.__extra_names__ = None
        self.__cell__ = None
        self.__owner__ = owner
        self.__stringifier_dict__ = None

    def __init_subclass__(cls, /, *args, **kwds):
        raise TypeError('Cannot subclass ForwardRef')

    @property
    def __forward_arg__(self):
        return self.__arg__

    @property
    def __forward_code__(self):
        if self.__code__ is None:
            try:
                self.__code__ = compile(self.__arg__, '<string>', 'eval')
            except SyntaxError:
                raise SyntaxError(f'Forward reference must be an expression -- '
                                  f'got {self.__arg__!r}')
        return self.__code__

    def evaluate(self, *, globals=None, locals=None, type_params=None, owner=None,
                 format=Format.VALUE):
        """The value of the reference, evaluated in the given namespaces."""
        if format == Format.STRING:
            return self.__forward_arg__
        owner = self.__owner__ if owner is None else owner
        if globals is None and self.__forward_module__ is not None:
            module = sys.modules.get(self.__forward_module__)
            globals = getattr(module, '__dict__', None)
        if globals is None:
            globals = self.__globals__
        if globals is None:
            if isinstance(owner, type):
                module = sys.modules.get(owner.__module__)
                globals = getattr(module, '__dict__', None)
            elif owner is not None:
                globals = getattr(owner, '__globals__', None)
        if globals is None:
            globals = {}
        if locals is None:
            locals = {}
            if isinstance(owner, type):
                locals.update(vars(owner))
        if type_params is None and owner is not None:
            type_params = getattr(owner, '__type_params__', None)
        if type_params:
            locals = dict(locals)
            for param in type_params:
                locals.setdefault(param.__name__, param)
        if self.__extra_names__:
            locals = {**locals, **self.__extra_names__}
        # one merged namespace: gopy's eval() looks module-level names up in its globals
        namespace = dict(globals)
        namespace.update(locals)
        try:
            return eval(self.__forward_code__, namespace)
        except NameError:
            if format == Format.FORWARDREF:
                return self
            raise

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return (self.__forward_arg__ == other.__forward_arg__ and
                self.__forward_module__ == other.__forward_module__ and
                self.__forward_is_class__ == other.__forward_is_class__ and
                self.__code__ == other.__code__ and
                self.__owner__ == other.__owner__)

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__,
                     self.__forward_is_class__, self.__code__,
                     id(self.__owner__) if self.__owner__ is not None else None))

    def __or__(self, other):
        return _union_of(self, other)

    def __ror__(self, other):
        return _union_of(other, self)

    def __repr__(self):
        extra = []
        if self.__forward_module__ is not None:
            extra.append(f', module={self.__forward_module__!r}')
        if self.__forward_is_class__:
            extra.append(', is_class=True')
        if self.__owner__ is not None:
            extra.append(f', owner={self.__owner__!r}')
        return f"ForwardRef({self.__forward_arg__!r}{''.join(extra)})"


def _union_of(a, b):
    import typing
    return typing.Union[a, b]


def call_evaluate_function(evaluate, format, *, owner=None):
    """Calls an evaluate function (a lazily evaluated bound, default or value)."""
    return call_annotate_function(evaluate, format, owner=owner, _is_evaluate=True)


def _value_with_forward_refs(annotate, owner):
    """annotate(VALUE), each undefined name it meets standing for a ForwardRef in the
    function's globals while it runs again; the names leave the globals afterwards."""
    namespace = getattr(annotate, '__globals__', None)
    added = {}
    try:
        while True:
            try:
                return annotate(Format.VALUE)
            except NameError as e:
                name = getattr(e, 'name', None)
                if not isinstance(namespace, dict) or not isinstance(name, str) or name in namespace:
                    raise
                ref = ForwardRef(name, owner=owner, is_class=isinstance(owner, type))
                namespace[name] = added[name] = ref
    finally:
        for name, ref in added.items():
            if namespace.get(name) is ref:
                del namespace[name]


def call_annotate_function(annotate, format, *, owner=None, _is_evaluate=False):
    """The annotations an __annotate__ function gives, in the requested format."""
    format = Format(format)
    if format == Format.VALUE_WITH_FAKE_GLOBALS:
        raise ValueError('The VALUE_WITH_FAKE_GLOBALS format is for internal use only')
    if format == Format.VALUE:
        return annotate(Format.VALUE)
    if format == Format.FORWARDREF:
        return _value_with_forward_refs(annotate, owner)
    if format == Format.STRING:
        values = annotate(Format.VALUE)
        if _is_evaluate:
            return type_repr(values)
        return {name: type_repr(value) for name, value in values.items()}
    return annotate(Format.VALUE)


def get_annotate_from_class_namespace(obj):
    """The __annotate__ function of a class namespace given to a metaclass, or None."""
    try:
        return obj['__annotate__']
    except KeyError:
        return obj.get('__annotate_func__', None)


def get_annotations(obj, *, globals=None, locals=None, eval_str=False, format=Format.VALUE):
    """The annotations dict of a class, module, function or other callable."""
    if eval_str and format != Format.VALUE:
        raise ValueError('eval_str=True is only supported with format=Format.VALUE')
    format = Format(format)
    if format == Format.VALUE_WITH_FAKE_GLOBALS:
        raise ValueError('The VALUE_WITH_FAKE_GLOBALS format is for internal use only')
    if format == Format.VALUE:
        ann = _get_dunder_annotations(obj)
    elif format == Format.FORWARDREF:
        # CPython: the VALUE format first; what it cannot evaluate, as forward references.
        try:
            ann = _get_dunder_annotations(obj)
        except NameError:
            annotate = _get_dunder_annotate(obj)
            if annotate is None:
                raise
            ann = call_annotate_function(annotate, format, owner=obj)
    else:
        ann = None
        annotate = _get_dunder_annotate(obj)
        if annotate is not None:
            ann = call_annotate_function(annotate, format, owner=obj)
        else:
            values = _get_dunder_annotations(obj)
            if values is not None:
                ann = {k: type_repr(v) for k, v in values.items()}
    if ann is None:
        if isinstance(obj, type) or callable(obj):
            return {}
        raise TypeError(f'{obj!r} does not have annotations')
    if not ann:
        return {}
    if not eval_str:
        return dict(ann)
    if isinstance(obj, type):
        module = sys.modules.get(obj.__module__)
        obj_globals = getattr(module, '__dict__', None)
        obj_locals = dict(vars(obj))
        unwrap = obj
    elif hasattr(obj, '__dict__') and type(obj).__name__ == 'module':
        obj_globals = getattr(obj, '__dict__')
        obj_locals = None
        unwrap = None
    elif callable(obj):
        obj_globals = getattr(obj, '__globals__', None)
        obj_locals = None
        unwrap = obj
    else:
        obj_globals = obj_locals = unwrap = None
    if unwrap is not None:
        while True:
            if hasattr(unwrap, '__wrapped__'):
                unwrap = unwrap.__wrapped__
                continue
            func = getattr(unwrap, 'func', None)
            if func is not None and hasattr(unwrap, 'args'):
                unwrap = func
                continue
            break
        if hasattr(unwrap, '__globals__'):
            obj_globals = unwrap.__globals__
    if globals is None:
        globals = obj_globals
    if locals is None:
        locals = obj_locals
    params = getattr(obj, '__type_params__', ())
    if params:
        locals = {param.__name__: param for param in params} | (locals or {})
    return {key: value if not isinstance(value, str) else eval(value, globals, locals)
            for key, value in ann.items()}


def _get_dunder_annotate(obj):
    if isinstance(obj, type):
        for cls in (obj,):
            annotate = cls.__dict__.get('__annotate_func__') or cls.__dict__.get('__annotate__')
            if annotate is not None:
                return annotate
        return None
    return getattr(obj, '__annotate__', None)


def _get_dunder_annotations(obj):
    if isinstance(obj, type):
        try:
            ann = obj.__annotations__
        except AttributeError:
            return None
        # a class's own annotations only, not inherited ones
        own = obj.__dict__.get('__annotations__')
        if own is None and '__annotate_func__' not in obj.__dict__ and \
                '__annotate__' not in obj.__dict__:
            if any(ann is getattr(base, '__annotations__', None) for base in obj.__mro__[1:]):
                return {}
    else:
        ann = getattr(obj, '__annotations__', None)
    if ann is None:
        return None
    if not isinstance(ann, dict):
        raise ValueError(f'{obj!r}.__annotations__ is neither a dict nor None')
    return ann


def type_repr(value):
    """The source text that best represents a value in an annotation."""
    if isinstance(value, type) and type(value).__name__ != 'GenericAlias':
        if value.__module__ == 'builtins':
            return value.__qualname__
        return f'{value.__module__}.{value.__qualname__}'
    if value is ...:
        return '...'
    if type(value).__name__ in ('function', 'builtin_function_or_method'):
        return value.__name__
    if isinstance(value, tuple):
        return '(' + ', '.join(type_repr(v) for v in value) + (',)' if len(value) == 1
                                                               else ')')
    return repr(value)


def annotations_to_string(annotations):
    """The annotations dict with each value as its source text (strings kept)."""
    return {n: t if isinstance(t, str) else type_repr(t) for n, t in annotations.items()}
