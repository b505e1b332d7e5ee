"""Decimal fixed- and floating-point arithmetic: gopy's decimal.

It follows the General Decimal Arithmetic Specification as CPython 3.14's decimal module
does: contexts, the rounding modes, the signals (raised with the list of trapped
conditions as their argument, as CPython's libmpdec-backed module raises them) and the
exactly specified results of its operations.
"""

import sys as _sys

__all__ = [
    'Decimal', 'Context', 'DecimalTuple', 'DefaultContext', 'BasicContext',
    'ExtendedContext', 'DecimalException', 'Clamped', 'InvalidOperation',
    'DivisionByZero', 'Inexact', 'Rounded', 'Subnormal', 'Overflow', 'Underflow',
    'FloatOperation', 'DivisionImpossible', 'InvalidContext', 'ConversionSyntax',
    'DivisionUndefined', 'ROUND_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN', 'ROUND_CEILING',
    'ROUND_FLOOR', 'ROUND_UP', 'ROUND_HALF_DOWN', 'ROUND_05UP', 'setcontext',
    'getcontext', 'localcontext', 'IEEEContext', 'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN',
    'MIN_ETINY', 'IEEE_CONTEXT_MAX_BITS', 'HAVE_THREADS', 'HAVE_CONTEXTVAR',
]

__version__ = '1.70'
__libmpdec_version__ = '4.0.0'

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
IEEE_CONTEXT_MAX_BITS = 512
HAVE_THREADS = True
HAVE_CONTEXTVAR = True

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP,
              ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP)
_INVALID_ROUNDING = ('valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, '
                     'ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   '
                     'ROUND_05UP]')


# ==========
# The signals
# ==========

class DecimalException(ArithmeticError):
    """Base class of the signals."""


class Clamped(DecimalException):
    """The exponent of a result was altered to fit the context."""


class InvalidOperation(DecimalException):
    """An invalid operation was performed."""


class ConversionSyntax(InvalidOperation):
    """A string was not a valid number."""


class DivisionByZero(DecimalException, ZeroDivisionError):
    """A finite non-zero number was divided by zero."""


class DivisionImpossible(InvalidOperation):
    """The integer result of a division had too many digits."""


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    """Zero was divided by zero."""


class Inexact(DecimalException):
    """Non-zero digits were discarded while rounding."""


class InvalidContext(InvalidOperation):
    """The context's values were invalid."""


class Rounded(DecimalException):
    """Digits were discarded while rounding."""


class Subnormal(DecimalException):
    """The exponent was below Emin before rounding."""


class Overflow(Inexact, Rounded):
    """The exponent exceeded Emax after rounding."""


class Underflow(Inexact, Rounded, Subnormal):
    """A subnormal result was rounded and became inexact."""


class FloatOperation(DecimalException, TypeError):
    """A float was mixed with Decimals."""


# the order in which CPython's module picks the exception to raise
_SIGNALS = [InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow,
            Subnormal, Inexact, Rounded, Clamped]
_CONDITIONS = [ConversionSyntax, DivisionImpossible, DivisionUndefined, InvalidContext]
# Context's repr lists the signals in the order of libmpdec's status bits, InvalidOperation
# at the lowest bit among its conditions that were met (CPython: mpd_lsnprint_signals).
# Setting the flag or trap by hand sets every condition bit, the lowest being 1.
_STATUS_BIT = {Clamped: 0, DivisionByZero: 2, Inexact: 6, FloatOperation: 10, Overflow: 11,
               Rounded: 12, Subnormal: 13, Underflow: 14}
_INVALID_BIT = {ConversionSyntax: 1, DivisionImpossible: 3, DivisionUndefined: 4,
                InvalidContext: 7, InvalidOperation: 8}


def _repr_names(signals):
    def bit(s):
        return signals._invalid_bit if s is InvalidOperation else _STATUS_BIT[s]
    return [s.__name__ for s in sorted((s for s in _SIGNALS if signals[s]), key=bit)]


def _flag_of(condition):
    return InvalidOperation if condition in _CONDITIONS else condition


# ============
# The contexts
# ============

class Context(object):
    """The environment of arithmetic operations: precision, rounding, limits, signals."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None,
                 clamp=None, flags=None, traps=None, **unexpected):
        # CPython's context_init parses its keywords without a function name
        for name in unexpected:
            raise TypeError(f"this function got an unexpected keyword argument '{name}'")
        base = DefaultContext if DefaultContext is not None else None
        self.prec = prec if prec is not None else (base.prec if base else 28)
        self.rounding = rounding if rounding is not None else (
            base.rounding if base else ROUND_HALF_EVEN)
        self.Emin = Emin if Emin is not None else (base.Emin if base else -999999)
        self.Emax = Emax if Emax is not None else (base.Emax if base else 999999)
        self.capitals = capitals if capitals is not None else (base.capitals if base else 1)
        self.clamp = clamp if clamp is not None else (base.clamp if base else 0)
        if traps is None:
            traps = dict(base.traps) if base else {
                s: s in (InvalidOperation, DivisionByZero, Overflow) for s in _SIGNALS}
        else:
            traps = _signal_values(traps, True)
        if flags is None:
            flags = {s: False for s in _SIGNALS}
        else:
            flags = _signal_values(flags, True)
        object.__setattr__(self, 'traps', _SignalDict(traps))
        object.__setattr__(self, 'flags', _SignalDict(flags))

    def __setattr__(self, name, value):
        if name == 'prec':
            value = _check_int(value, 1, MAX_PREC, 'valid range for prec is [1, MAX_PREC]')
        elif name == 'Emin':
            value = _check_int(value, MIN_EMIN, 0, 'valid range for Emin is [MIN_EMIN, 0]')
        elif name == 'Emax':
            value = _check_int(value, 0, MAX_EMAX, 'valid range for Emax is [0, MAX_EMAX]')
        elif name == 'capitals':
            value = _check_int(value, 0, 1, 'valid values for capitals are 0 or 1')
        elif name == 'clamp':
            value = _check_int(value, 0, 1, 'valid values for clamp are 0 or 1')
        elif name == 'rounding':
            if value not in _ROUNDINGS:
                raise TypeError(_INVALID_ROUNDING)
        elif name in ('traps', 'flags'):
            value = _SignalDict(_signal_values(value, False))
        else:
            raise AttributeError("'decimal.Context' object has no attribute '%s'" % name)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        raise AttributeError('context attributes cannot be deleted')

    def __repr__(self):
        flags = _repr_names(self.flags)
        traps = _repr_names(self.traps)
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, '
                'flags=[%s], traps=[%s])' % (self.prec, self.rounding, self.Emin, self.Emax,
                                              self.capitals, self.clamp, ', '.join(flags),
                                              ', '.join(traps)))

    def __reduce__(self):
        return (Context, (self.prec, self.rounding, self.Emin, self.Emax, self.capitals,
                          self.clamp, [s for s in _SIGNALS if self.flags[s]],
                          [s for s in _SIGNALS if self.traps[s]]))

    def clear_flags(self):
        for s in _SIGNALS:
            self.flags[s] = False

    def clear_traps(self):
        for s in _SIGNALS:
            self.traps[s] = False

    def copy(self):
        new = Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals,
                      self.clamp, dict(self.flags), dict(self.traps))
        new.flags._invalid_bit = self.flags._invalid_bit
        return new

    __copy__ = copy

    def Etiny(self):
        return self.Emin - self.prec + 1

    def Etop(self):
        return self.Emax - self.prec + 1

    def _commit(self, status):
        """Sets the flags of the conditions met; raises the first trapped one."""
        if not status:
            return
        trapped = []
        for condition in status:
            flag = _flag_of(condition)
            if flag is InvalidOperation:
                # the status bit of this condition joins those already set
                flags = self.flags
                bit = _INVALID_BIT.get(condition, 8)
                if not dict.__getitem__(flags, InvalidOperation) or bit < flags._invalid_bit:
                    flags._invalid_bit = bit
                dict.__setitem__(flags, InvalidOperation, True)
            else:
                self.flags[flag] = True
            if self.traps[flag] and condition not in trapped:
                trapped.append(condition)
        if trapped:
            listed = [c for c in _CONDITIONS if c in trapped]
            if InvalidOperation in trapped and not listed:
                listed.append(InvalidOperation)
            listed += [s for s in _SIGNALS[1:] if s in trapped]
            raised = [s for s in _SIGNALS if s in [_flag_of(c) for c in trapped]][0]
            raise raised(listed)

    def create_decimal(self, num='0'):
        """num as a Decimal rounded to this context (no white space or '_' in a str)."""
        if isinstance(num, str) and (num != num.strip() or '_' in num):
            self._commit([ConversionSyntax])
            return _make(0, 0, 'n')
        d = Decimal(num, context=self)
        if d._special is not None:
            return _fix_nan(d, self)
        st = []
        result = _finish(d, self, st)
        self._commit(st)
        return result

    def create_decimal_from_float(self, f):
        return self.create_decimal(Decimal.from_float(f))

    def radix(self):
        return Decimal(10)

    def copy_decimal(self, a):
        return Decimal(_convert_strict(a))


# The operations of the specification by name, as Context methods: ctx.add(a, b) is
# Decimal(a).__add__(b, context=ctx).
def _context_method(name, method, uses_context):
    def operation(self, a, *args):
        operand = _convert_strict(a)
        if uses_context:
            return getattr(operand, method)(*args, context=self)
        return getattr(operand, method)(*args)
    operation.__name__ = name
    operation.__qualname__ = 'Context.' + name
    return operation


for _name, _method in (
        ('abs', '__abs__'), ('add', '__add__'), ('subtract', '__sub__'),
        ('multiply', '__mul__'), ('divide', '__truediv__'), ('divide_int', '__floordiv__'),
        ('remainder', '__mod__'), ('divmod', '__divmod__'), ('power', '__pow__'),
        ('sqrt', 'sqrt'), ('exp', 'exp'), ('ln', 'ln'), ('log10', 'log10'), ('logb', 'logb'),
        ('plus', '__pos__'), ('minus', '__neg__'), ('quantize', 'quantize'),
        ('normalize', 'normalize'), ('compare', 'compare'),
        ('compare_signal', 'compare_signal'), ('max', 'max'), ('min', 'min'),
        ('max_mag', 'max_mag'), ('min_mag', 'min_mag'),
        ('to_integral_value', 'to_integral_value'), ('to_integral', 'to_integral_value'),
        ('to_integral_exact', 'to_integral_exact'), ('to_sci_string', '__str__'),
        ('to_eng_string', 'to_eng_string'), ('fma', 'fma'), ('scaleb', 'scaleb'),
        ('next_plus', 'next_plus'), ('next_minus', 'next_minus'),
        ('next_toward', 'next_toward'), ('remainder_near', 'remainder_near'),
        ('is_normal', 'is_normal'), ('is_subnormal', 'is_subnormal'),
        ('number_class', 'number_class'), ('rotate', 'rotate'), ('shift', 'shift'),
        ('logical_and', 'logical_and'), ('logical_or', 'logical_or'),
        ('logical_xor', 'logical_xor'), ('logical_invert', 'logical_invert')):
    setattr(Context, _name, _context_method(_name, _method, True))
for _name in ('is_signed', 'is_zero', 'is_finite', 'is_nan', 'is_qnan', 'is_snan',
              'is_infinite', 'is_canonical', 'copy_abs', 'copy_negate', 'copy_sign',
              'canonical', 'same_quantum', 'compare_total', 'compare_total_mag', 'adjusted',
              'as_tuple'):
    setattr(Context, _name, _context_method(_name, _name, False))
del _name, _method


def _check_int(value, low, high, message):
    # CPython's setters read a C ssize_t (PyLong_AsSsize_t) and keep that integer
    if not isinstance(value, int):
        raise TypeError('an integer is required')
    if not -(1 << 63) <= value < (1 << 63):
        raise OverflowError('Python int too large to convert to C ssize_t')
    if not low <= value <= high:
        raise ValueError(message)
    return int(value)


_INVALID_SIGNALS = ('valid values for signals are:\n'
                    '  [InvalidOperation, FloatOperation, DivisionByZero,\n'
                    '   Overflow, Underflow, Subnormal, Inexact, Rounded,\n'
                    '   Clamped]')


def _signal_flag(key):
    # CPython: Modules/_decimal/_decimal.c exception_as_flag (the signal itself, by identity)
    for s in _SIGNALS:
        if s is key:
            return s
    raise KeyError(_INVALID_SIGNALS)


def _signal_values(value, allow_list):
    """{signal: bool} for all signals from the flags or traps given to a Context: a signal
    dict, a dict with exactly every signal, or (to the constructor) a list of signals.
    CPython: context_settraps_list, context_settraps_dict, dict_as_flags."""
    if allow_list and isinstance(value, list):
        chosen = [_signal_flag(item) for item in value]
        return {s: s in chosen for s in _SIGNALS}
    if isinstance(value, _SignalDict):
        return {s: value[s] for s in _SIGNALS}
    if not isinstance(value, dict):
        raise TypeError('argument must be a signal dict')
    if len(value) != len(_SIGNALS) or any(s not in value for s in _SIGNALS):
        raise KeyError('invalid signal dict')
    return {s: bool(value[s]) for s in _SIGNALS}


class SignalDict(dict):
    """flags and traps: a dict keyed by the signals only, all of them, in their order."""

    _invalid_bit = 1

    def __init__(self, values):
        dict.__init__(self, ((s, bool(values.get(s, False))) for s in _SIGNALS))

    def __setitem__(self, key, value):
        key = _signal_flag(key)
        if key is InvalidOperation:
            self._invalid_bit = 1
        dict.__setitem__(self, key, bool(value))

    def __getitem__(self, key):
        return dict.__getitem__(self, _signal_flag(key))

    def __delitem__(self, key):
        raise ValueError('signal keys cannot be deleted')

    def __repr__(self):
        return '{' + ', '.join("<class '%s.%s'>:%s" % (s.__module__, s.__name__, self[s])
                               for s in _SIGNALS) + '}'


_SignalDict = SignalDict
del SignalDict  # CPython names the type SignalDict but keeps it out of the module

DefaultContext = None
DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999,
                         capitals=1, clamp=0, flags=[],
                         traps=[DivisionByZero, Overflow, InvalidOperation])
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP,
                       traps=[DivisionByZero, Overflow, InvalidOperation, Clamped,
                              Underflow], flags=[])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[], flags=[])

_current_context = None


def getcontext():
    """The current thread's context (a copy of DefaultContext at first use)."""
    global _current_context
    if _current_context is None:
        _current_context = DefaultContext.copy()
    return _current_context


def _ctx(context):
    """The context a method works in (CPython: CONTEXT_CHECK_VA): the current one for None;
    anything but a Context is refused before the operands are looked at."""
    if context is None:
        return getcontext()
    if not isinstance(context, Context):
        raise TypeError('optional argument must be a context')
    return context


def _rounding_arg(rounding, ctx):
    """A rounding argument of quantize and to_integral_*: the context's when None, else one of
    the eight mode names (CPython: getround)."""
    if rounding is None:
        return ctx.rounding
    if rounding not in _ROUNDINGS:
        raise TypeError(_INVALID_ROUNDING)
    return rounding


def setcontext(context):
    """Makes context the current one (a copy, when it is one of the templates)."""
    global _current_context
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
        context.clear_flags()
    if not isinstance(context, Context):
        raise TypeError('argument must be a context')
    _current_context = context


def localcontext(ctx=None, **kwargs):
    """A context manager that makes a copy of ctx current inside the with block."""
    for name in kwargs:
        if name not in ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags',
                        'traps'):
            # CPython: ctxmanager_new's PyArg_ParseTupleAndKeywords, which has no name
            raise TypeError("this function got an unexpected keyword argument '%s'" % name)
    if ctx is None:
        ctx = getcontext()
    elif not isinstance(ctx, Context):
        raise TypeError('optional argument must be a context')
    manager = _ContextManager(ctx)
    for name, value in kwargs.items():
        if name in ('flags', 'traps'):
            # as the constructor takes them: a list of signals too (CPython: context_setattrs)
            value = _SignalDict(_signal_values(value, True))
        setattr(manager.new_context, name, value)
    return manager


class _ContextManager(object):

    def __init__(self, new_context):
        self.new_context = new_context.copy()

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, t, v, tb):
        setcontext(self.saved_context)


# The type localcontext() returns is decimal.ContextManager in CPython (_decimal.c's
# PyDecContextManager_Type); the module keeps it under a private name.
_ContextManager.__name__ = _ContextManager.__qualname__ = 'ContextManager'


def IEEEContext(bits):
    """The context of the IEEE 754 interchange format of the given width."""
    if not isinstance(bits, int):
        raise TypeError('argument must be an integer')
    if bits <= 0 or bits > IEEE_CONTEXT_MAX_BITS or bits % 32:
        raise ValueError('argument must be a multiple of 32, with a maximum of %d'
                         % IEEE_CONTEXT_MAX_BITS)
    emax = 3 * 2 ** (bits // 16 + 3 - 1)
    return Context(prec=9 * bits // 32 - 2, rounding=ROUND_HALF_EVEN, Emin=1 - emax,
                   Emax=emax, capitals=1, clamp=1, flags=[], traps=[])


# ====================
# Digits and rounding
# ====================

def _ndigits(n):
    return len(str(n)) if n else 1


def _round_up_needed(rounding, sign, kept, rest, half):
    """Whether dropping rest (0 <= rest < 2*half) from kept rounds kept up."""
    if rest == 0:
        return False
    if rounding == ROUND_DOWN:
        return False
    if rounding == ROUND_UP:
        return True
    if rounding == ROUND_HALF_UP:
        return rest >= half
    if rounding == ROUND_HALF_DOWN:
        return rest > half
    if rounding == ROUND_HALF_EVEN:
        return rest > half or (rest == half and kept % 2 == 1)
    if rounding == ROUND_CEILING:
        return sign == 0
    if rounding == ROUND_FLOOR:
        return sign == 1
    # ROUND_05UP: away from zero only when the kept last digit is 0 or 5
    return kept % 5 == 0


def _drop_digits(sign, coef, drop, rounding):
    """coef with its last drop digits rounded off: (new coef, whether it changed)."""
    if drop <= 0:
        return coef * 10 ** (-drop), False
    n = _ndigits(coef)
    if drop > n + 1:
        # only whether anything was dropped matters: keep a sticky digit
        coef, drop = 1, 2
    scale = 10 ** drop
    kept, rest = divmod(coef, scale)
    if _round_up_needed(rounding, sign, kept, rest, scale // 2):
        kept += 1
    return kept, rest != 0


def _overflow_result(sign, ctx, st):
    st += [Overflow, Inexact, Rounded]
    r = ctx.rounding
    if r in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP):
        return _make(sign, 0, 'F')
    if sign == 0 and r == ROUND_CEILING or sign == 1 and r == ROUND_FLOOR:
        return _make(sign, 0, 'F')
    return _make(sign, 10 ** ctx.prec - 1, ctx.Emax - ctx.prec + 1)


# CPython: Lib/_pydecimal.py Decimal._fix (the specification's finalization)
def _fix(sign, coef, exp, ctx, st):
    """The finite value fitted into ctx: rounded to prec digits, exponent in range."""
    etiny = ctx.Emin - ctx.prec + 1
    etop = ctx.Emax - ctx.prec + 1
    if coef == 0:
        top = etop if ctx.clamp else ctx.Emax
        new_exp = min(max(exp, etiny), top)
        if new_exp != exp:
            st.append(Clamped)
        return _make(sign, 0, new_exp)
    n = _ndigits(coef)
    exp_min = n + exp - ctx.prec
    if exp_min > etop:
        return _overflow_result(sign, ctx, st)
    subnormal = exp_min < etiny
    if subnormal:
        exp_min = etiny
    if exp < exp_min:
        coef, changed = _drop_digits(sign, coef, exp_min - exp, ctx.rounding)
        if _ndigits(coef) > ctx.prec:
            coef //= 10
            exp_min += 1
        if exp_min > etop:
            result = _overflow_result(sign, ctx, st)
        else:
            result = _make(sign, coef, exp_min)
        if changed and subnormal:
            st.append(Underflow)
        if subnormal:
            st.append(Subnormal)
        if changed:
            st.append(Inexact)
        st.append(Rounded)
        if result._special is None and result._coef == 0:
            st.append(Clamped)
        return result
    if subnormal:
        st.append(Subnormal)
    if ctx.clamp == 1 and exp > etop:
        st.append(Clamped)
        return _make(sign, coef * 10 ** (exp - etop), etop)
    return _make(sign, coef, exp)


def _finish(d, ctx, st):
    return _fix(d._sign, d._coef, d._exp, ctx, st)


def _fix_nan(d, ctx):
    """A NaN whose payload fits the context (its digits beyond prec - clamp dropped)."""
    limit = ctx.prec - ctx.clamp
    if d._coef and _ndigits(d._coef) > limit:
        return _make(d._sign, int(str(d._coef)[-limit:]) if limit > 0 else 0, d._special)
    return d


def _make(sign, coef, exp):
    d = object.__new__(Decimal)
    d._sign = sign
    d._coef = coef
    if isinstance(exp, str):
        d._special = exp
        d._exp = 0
    else:
        d._special = None
        d._exp = exp
    return d


def _isqrt(n):
    if n < 2:
        return n
    x = 1 << ((n.bit_length() + 1) // 2)
    while True:
        y = (x + n // x) // 2
        if y >= x:
            return x
        x = y


_PyHASH_MODULUS = 2 ** 61 - 1
_PyHASH_INF = 314159
try:
    _PyHASH_MODULUS = _sys.hash_info.modulus
    _PyHASH_INF = _sys.hash_info.inf
except AttributeError:
    pass
_PyHASH_10INV = pow(10, _PyHASH_MODULUS - 2, _PyHASH_MODULUS)


# ================
# Parsing numbers
# ================

def _digit_value(ch):
    if '0' <= ch <= '9':
        return ord(ch) - 48
    if ch.isdecimal():
        return int(ch)
    return -1


def _parse_digits(text):
    """int of a run of decimal digits with single '_' between them, or None."""
    if not text or text[0] == '_' or text[-1] == '_' or '__' in text:
        return None
    value = 0
    for ch in text:
        if ch == '_':
            continue
        digit = _digit_value(ch)
        if digit < 0:
            return None
        value = value * 10 + digit
    return value


def _parse_decimal(text):
    """(sign, coef, exp or special) of a numeric string, or None when it is not one."""
    s = text.strip()
    if not s:
        return None
    sign = 0
    if s[0] in '+-':
        sign = 1 if s[0] == '-' else 0
        s = s[1:]
    low = s.lower()
    if low in ('inf', 'infinity'):
        return sign, 0, 'F'
    for prefix, kind in (('snan', 'N'), ('nan', 'n')):
        if low.startswith(prefix):
            payload = s[len(prefix):]
            if not payload:
                return sign, 0, kind
            value = _parse_digits(payload)
            if value is None or '_' in payload:
                return None
            return sign, value, kind
    mantissa, exponent = s, None
    for i, ch in enumerate(s):
        if ch in 'eE':
            mantissa, exponent = s[:i], s[i + 1:]
            break
    whole, dot, frac = mantissa.partition('.')
    if not whole and not frac:
        return None
    coef = 0
    if whole:
        value = _parse_digits(whole)
        if value is None:
            return None
        coef = value
    exp = 0
    if frac:
        value = _parse_digits(frac)
        if value is None:
            return None
        digits = len(frac.replace('_', ''))
        coef = coef * 10 ** digits + value
        exp = -digits
    if exponent is not None:
        esign = 1
        if exponent[:1] in ('+', '-'):
            esign = -1 if exponent[0] == '-' else 1
            exponent = exponent[1:]
        value = _parse_digits(exponent)
        if value is None:
            return None
        exp += esign * value
    return sign, coef, exp


# ===========
# Conversions
# ===========

def _convert_strict(value):
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    raise TypeError('conversion from %s to Decimal is not supported' % type(value).__name__)


def _operand(value):
    """Decimal for a Decimal or int operand; NotImplemented for others."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    return NotImplemented


# types whose reflected comparisons never accept a Decimal
_PLAIN_BUILTINS = (str, bytes, bytearray, list, tuple, dict, set, frozenset, type(None), complex)


def _binary_type_error(op, a, b):
    def name(x):
        return 'decimal.Decimal' if isinstance(x, Decimal) else type(x).__name__
    return TypeError("unsupported operand type(s) for %s: '%s' and '%s'"
                     % (op, name(a), name(b)))


def _ratio_of(value):
    """An exact (numerator, denominator) of an int, float, Fraction-like or Decimal."""
    if isinstance(value, Decimal):
        return value.as_integer_ratio()
    if isinstance(value, int):
        return value, 1
    if isinstance(value, float):
        return value.as_integer_ratio()
    return value.numerator, value.denominator


from collections import namedtuple as _namedtuple

# as_tuple()'s type: CPython's namedtuple class of the decimal module.
DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent', module='decimal')
del _namedtuple


# ==================
# The Decimal type
# ==================

class Decimal(object):
    """Floating-point decimal number: Decimal('3.14'), Decimal(314), Decimal.from_float."""

    __slots__ = ('_sign', '_coef', '_exp', '_special')

    def __new__(cls, value='0', context=None):
        # CPython's PyDecType_New checks the context before it looks at the value.
        if context is not None and not isinstance(context, Context):
            raise TypeError('optional argument must be a context')
        if isinstance(value, str):
            parsed = _parse_decimal(value)
            if parsed is None:
                ctx = _ctx(context)
                ctx._commit([ConversionSyntax])
                parsed = (0, 0, 'n')
            sign, coef, exp = parsed
        elif isinstance(value, Decimal):
            sign, coef = value._sign, value._coef
            exp = value._special if value._special is not None else value._exp
        elif isinstance(value, int):
            sign = 1 if value < 0 else 0
            coef, exp = abs(value), 0
        elif isinstance(value, float):
            ctx = _ctx(context)
            if ctx.traps[FloatOperation]:
                ctx._commit([FloatOperation])
            ctx.flags[FloatOperation] = True
            d = Decimal.from_float(value)
            sign, coef = d._sign, d._coef
            exp = d._special if d._special is not None else d._exp
        elif isinstance(value, (tuple, list)):
            sign, coef, exp = cls._from_tuple(value)
        else:
            raise TypeError('conversion from %s to Decimal is not supported'
                            % type(value).__name__)
        self = object.__new__(cls)
        self._sign = sign
        self._coef = coef
        if isinstance(exp, str):
            self._special = exp
            self._exp = 0
        else:
            self._special = None
            self._exp = exp
        return self

    @staticmethod
    def _from_tuple(value):
        if len(value) != 3:
            raise ValueError('argument must be a sequence of length 3')
        sign, digits, exp = value
        # CPython's dectuple_as_str checks the sign, the exponent, then the digits.
        if not isinstance(sign, int) or sign not in (0, 1):
            raise ValueError('sign must be an integer with the value 0 or 1')
        if isinstance(exp, str):
            if exp not in ('F', 'n', 'N'):
                raise ValueError("string argument in the third position must be 'F', 'n' or 'N'")
        elif not isinstance(exp, int):
            raise ValueError("exponent must be an integer")
        coef = 0
        for digit in digits:
            if not isinstance(digit, int) or not 0 <= digit <= 9:
                raise ValueError('coefficient must be a tuple of digits')
            coef = coef * 10 + digit
        if exp == 'F':
            return sign, 0, 'F'
        return sign, coef, exp

    @classmethod
    def from_float(cls, f):
        """The exact value of a float (or int) as a Decimal."""
        if isinstance(f, int):
            d = _make(1 if f < 0 else 0, abs(f), 0)
        elif not isinstance(f, float):
            raise TypeError('argument must be int or float')
        elif f != f:
            d = _make(1 if _float_sign(f) else 0, 0, 'n')
        elif f in (float('inf'), float('-inf')):
            d = _make(1 if f < 0 else 0, 0, 'F')
        else:
            sign = 1 if _float_sign(f) else 0
            n, den = abs(f).as_integer_ratio()
            k = den.bit_length() - 1
            d = _make(sign, n * 5 ** k, -k)
        return d if cls is Decimal else cls(d)

    @classmethod
    def from_number(cls, number):
        if isinstance(number, (int, Decimal)):
            return cls(number)
        if isinstance(number, float):
            return cls.from_float(number)
        raise TypeError('conversion from %s to Decimal is not supported'
                        % type(number).__name__)

    # --- properties of the value ---

    def _is_nan(self):
        return self._special in ('n', 'N')

    def adjusted(self):
        if self._special is not None:
            return 0
        return self._exp + _ndigits(self._coef) - 1

    def as_tuple(self):
        if self._special == 'F':
            digits, exp = (0,), 'F'
        else:
            digits = tuple(int(c) for c in str(self._coef)) if self._coef else (
                () if self._special else (0,))
            exp = self._special if self._special is not None else self._exp
        return DecimalTuple(self._sign, digits, exp)

    def as_integer_ratio(self):
        if self._special is not None:
            if self._is_nan():
                raise ValueError('cannot convert NaN to integer ratio')
            raise OverflowError('cannot convert Infinity to integer ratio')
        if self._coef == 0:
            return 0, 1
        n, d = self._coef, 1
        if self._exp >= 0:
            n *= 10 ** self._exp
        else:
            d = 10 ** -self._exp
            g = _gcd(n, d)
            n //= g
            d //= g
        return (-n if self._sign else n), d

    def is_nan(self):
        return self._is_nan()

    def is_qnan(self):
        return self._special == 'n'

    def is_snan(self):
        return self._special == 'N'

    def is_infinite(self):
        return self._special == 'F'

    def is_finite(self):
        return self._special is None

    def is_signed(self):
        return self._sign == 1

    def is_zero(self):
        return self._special is None and self._coef == 0

    def is_canonical(self):
        return True

    def is_normal(self, context=None):
        if self._special is not None or self._coef == 0:
            return False
        ctx = _ctx(context)
        return ctx.Emin <= self.adjusted()

    def is_subnormal(self, context=None):
        if self._special is not None or self._coef == 0:
            return False
        ctx = _ctx(context)
        return self.adjusted() < ctx.Emin

    def canonical(self):
        return self

    def number_class(self, context=None):
        ctx = _ctx(context)
        if self._special == 'N':
            return 'sNaN'
        if self._special == 'n':
            return 'NaN'
        sign = '-' if self._sign else '+'
        if self._special == 'F':
            return sign + 'Infinity'
        if self._coef == 0:
            return sign + 'Zero'
        if self.is_subnormal(ctx):
            return sign + 'Subnormal'
        return sign + 'Normal'

    def radix(self):
        return Decimal(10)

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    def __bool__(self):
        return self._special is not None or self._coef != 0

    # --- text ---

    def __str__(self, eng=False, context=None):
        sign = '-' if self._sign else ''
        if self._special is not None:
            if self._special == 'F':
                return sign + 'Infinity'
            payload = str(self._coef) if self._coef else ''
            return sign + ('sNaN' if self._special == 'N' else 'NaN') + payload
        digits = str(self._coef)
        leftdigits = self._exp + len(digits)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._coef == 0:
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart = '0'
            fracpart = '.' + '0' * (-dotplace) + digits
        elif dotplace >= len(digits):
            intpart = digits + '0' * (dotplace - len(digits))
            fracpart = ''
        else:
            intpart = digits[:dotplace]
            fracpart = '.' + digits[dotplace:]
        if leftdigits == dotplace:
            exp = ''
        else:
            ctx = _ctx(context)
            exp = ('E' if ctx.capitals else 'e') + '%+d' % (leftdigits - dotplace)
        return sign + intpart + fracpart + exp

    def to_eng_string(self, context=None):
        _ctx(context)
        return self.__str__(eng=True, context=context)

    def __repr__(self):
        return "Decimal('%s')" % str(self)

    def __format__(self, specifier, context=None):
        return _format_decimal(self, specifier, context)

    # --- conversions ---

    def __int__(self):
        if self._special is not None:
            if self._is_nan():
                raise ValueError('cannot convert NaN to integer')
            raise OverflowError('cannot convert Infinity to integer')
        if self._exp >= 0:
            n = self._coef * 10 ** self._exp
        else:
            n = self._coef // 10 ** -self._exp
        return -n if self._sign else n

    __trunc__ = __int__

    def __float__(self):
        if self._is_nan():
            if self._special == 'N':
                raise ValueError('cannot convert signaling NaN to float')
            return float('-nan') if self._sign else float('nan')
        return float(str(self))

    def __complex__(self):
        return complex(float(self))

    def __floor__(self):
        return self._integral(ROUND_FLOOR)

    def __ceil__(self):
        return self._integral(ROUND_CEILING)

    def _integral(self, rounding):
        if self._special is not None:
            # C's texts (CPython: Modules/_decimal/_decimal.c dec_as_long)
            if self._is_nan():
                raise ValueError('cannot convert NaN to integer')
            raise OverflowError('cannot convert Infinity to integer')
        return int(_rescale(self, 0, rounding))

    def __round__(self, n=None):
        if n is not None:
            if not isinstance(n, int):
                raise TypeError('optional arg must be an integer')
            return self.quantize(_make(0, 1, -n))
        return self._integral(ROUND_HALF_EVEN)

    # --- hashing and comparison ---

    def __hash__(self):
        if self._special is not None:
            if self._special == 'N':
                raise TypeError('Cannot hash a signaling NaN value')
            if self._special == 'n':
                return object.__hash__(self)
            return -_PyHASH_INF if self._sign else _PyHASH_INF
        if self._exp >= 0:
            scale = pow(10, self._exp, _PyHASH_MODULUS)
        else:
            scale = pow(_PyHASH_10INV, -self._exp, _PyHASH_MODULUS)
        h = self._coef * scale % _PyHASH_MODULUS
        h = -h if self._sign else h
        return -2 if h == -1 else h

    def _compare_to(self, other, ordering):
        """-1, 0 or 1; None when NaN is involved; NotImplemented for other types."""
        if isinstance(other, (Decimal, int)):
            pass
        elif isinstance(other, float):
            ctx = getcontext()
            if ordering:
                ctx._commit([FloatOperation])
            else:
                ctx.flags[FloatOperation] = True
            other = Decimal.from_float(other)
        elif hasattr(other, 'numerator') and hasattr(other, 'denominator') and \
                not isinstance(other, bool):
            if self._special is not None:
                if self._is_nan():
                    return None
                return -1 if self._sign else 1
            n, d = self.as_integer_ratio()
            left, right = n * other.denominator, other.numerator * d
            return (left > right) - (left < right)
        elif isinstance(other, complex) and not ordering:
            if other.imag != 0:
                return 2
            return self._compare_to(other.real, ordering)
        else:
            return NotImplemented
        other = _convert_strict(other)
        if self._is_nan() or other._is_nan():
            return None
        return _compare_values(self, other)

    def _ordering(self, other, want, symbol):
        c = self._compare_to(other, True)
        if c is NotImplemented:
            if type(other) in _PLAIN_BUILTINS:
                # what the interpreter would say, with CPython's name of the type
                raise TypeError("'%s' not supported between instances of 'decimal.Decimal' "
                                "and '%s'" % (symbol, type(other).__name__))
            return c
        if c is None:
            getcontext()._commit([InvalidOperation])
            return False
        return want(c)

    def __eq__(self, other):
        c = self._compare_to(other, False)
        if c is NotImplemented:
            return c
        if c is None:
            if self._special == 'N' or isinstance(other, Decimal) and other._special == 'N':
                getcontext()._commit([InvalidOperation])
            return False
        return c == 0

    def __lt__(self, other):
        return self._ordering(other, lambda c: c < 0, '<')

    def __le__(self, other):
        return self._ordering(other, lambda c: c <= 0, '<=')

    def __gt__(self, other):
        return self._ordering(other, lambda c: c > 0, '>')

    def __ge__(self, other):
        return self._ordering(other, lambda c: c >= 0, '>=')

    def compare(self, other, context=None):
        ctx = _ctx(context)
        other = _convert_strict(other)
        nan = _nan_result(self, other, ctx, [])
        if nan is not None:
            return nan
        return Decimal(_compare_values(self, other))

    def compare_signal(self, other, context=None):
        ctx = _ctx(context)
        other = _convert_strict(other)
        if self._is_nan() or other._is_nan():
            st = [InvalidOperation]
            ctx._commit(st)
            return _make(0, 0, 'n')
        return self.compare(other, ctx)

    def compare_total(self, other, context=None):
        _ctx(context)
        other = _convert_strict(other)
        key_a, key_b = _total_key(self), _total_key(other)
        return Decimal((key_a > key_b) - (key_a < key_b))

    def compare_total_mag(self, other, context=None):
        _ctx(context)
        return self.copy_abs().compare_total(_convert_strict(other).copy_abs())

    def max(self, other, context=None):
        return _minmax(self, other, context, 1, False)

    def min(self, other, context=None):
        return _minmax(self, other, context, -1, False)

    def max_mag(self, other, context=None):
        return _minmax(self, other, context, 1, True)

    def min_mag(self, other, context=None):
        return _minmax(self, other, context, -1, True)

    # --- sign and copies ---

    def copy_abs(self):
        return _make(0, self._coef, self._special or self._exp)

    def copy_negate(self):
        return _make(1 - self._sign, self._coef, self._special or self._exp)

    def copy_sign(self, other, context=None):
        _ctx(context)
        other = _convert_strict(other)
        return _make(other._sign, self._coef, self._special or self._exp)

    def __neg__(self, context=None):
        return _unary(self, context, lambda d: 1 - d._sign)

    def __pos__(self, context=None):
        return _unary(self, context, lambda d: d._sign)

    def __abs__(self, round=True, context=None):
        if not round:
            return self.copy_abs()
        return _unary(self, context, lambda d: 0)

    def plus(self, context=None):
        return self.__pos__(context)

    def minus(self, context=None):
        return self.__neg__(context)

    # --- arithmetic ---

    def __add__(self, other, context=None):
        return _arith(self, other, context, _add, '+')

    def __radd__(self, other, context=None):
        return _arith_r(self, other, context, _add, '+')

    def __sub__(self, other, context=None):
        return _arith(self, other, context, _sub, '-')

    def __rsub__(self, other, context=None):
        return _arith_r(self, other, context, _sub, '-')

    def __mul__(self, other, context=None):
        return _arith(self, other, context, _mul, '*')

    def __rmul__(self, other, context=None):
        return _arith_r(self, other, context, _mul, '*')

    def __truediv__(self, other, context=None):
        return _arith(self, other, context, _div, '/')

    def __rtruediv__(self, other, context=None):
        return _arith_r(self, other, context, _div, '/')

    def __floordiv__(self, other, context=None):
        return _arith(self, other, context, _floordiv, '//')

    def __rfloordiv__(self, other, context=None):
        return _arith_r(self, other, context, _floordiv, '//')

    def __mod__(self, other, context=None):
        return _arith(self, other, context, _mod, '%')

    def __rmod__(self, other, context=None):
        return _arith_r(self, other, context, _mod, '%')

    def __divmod__(self, other, context=None):
        return _arith(self, other, context, _divmod, 'divmod()')

    def __rdivmod__(self, other, context=None):
        return _arith_r(self, other, context, _divmod, 'divmod()')

    def __pow__(self, other, modulo=None, context=None):
        if modulo is not None:
            return _pow_modulo(self, other, modulo, context)
        return _arith(self, other, context, _pow, '** or pow()')

    def __rpow__(self, other, modulo=None, context=None):
        return _arith_r(self, other, context, _pow, '** or pow()')

    def remainder_near(self, other, context=None):
        return _arith(self, _convert_strict(other), context, _remainder_near, '')

    def fma(self, other, third, context=None):
        ctx = _ctx(context)
        other = _convert_strict(other)
        third = _convert_strict(third)
        st = []
        if self._special is None and other._special is None:
            product = _make(self._sign ^ other._sign, self._coef * other._coef,
                            self._exp + other._exp)
        else:
            exact = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[])
            product = _mul(self, other, exact, st)
        result = _add(product, third, ctx, st)
        ctx._commit(st)
        return result

    def sqrt(self, context=None):
        ctx = _ctx(context)
        st = []
        result = _sqrt(self, ctx, st)
        ctx._commit(st)
        return result

    def exp(self, context=None):
        return _transcendental(self, context, _exp_op)

    def ln(self, context=None):
        return _transcendental(self, context, _ln_op)

    def log10(self, context=None):
        return _transcendental(self, context, _log10_op)

    def logb(self, context=None):
        ctx = _ctx(context)
        nan = _nan_result(self, None, ctx, [])
        if nan is not None:
            return nan
        if self._special == 'F':
            return _make(0, 0, 'F')
        if self._coef == 0:
            ctx._commit([DivisionByZero])
            return _make(1, 0, 'F')
        st = []
        result = _fix_decimal(Decimal(self.adjusted()), ctx, st)
        ctx._commit(st)
        return result

    def scaleb(self, other, context=None):
        ctx = _ctx(context)
        other = _convert_strict(other)
        st = []
        nan = _nan_result(self, other, ctx, st)
        if nan is not None:
            ctx._commit(st)
            return nan
        if other._special is not None or other._exp != 0 or \
                abs(int(other)) > 2 * (ctx.Emax + ctx.prec):
            ctx._commit([InvalidOperation])
            return _make(0, 0, 'n')
        if self._special == 'F':
            return self
        result = _fix(self._sign, self._coef, self._exp + int(other), ctx, st)
        ctx._commit(st)
        return result

    # CPython: Modules/_decimal (mpd_qrotate, mpd_qshift): the coefficient as prec digits,
    # rotated or shifted by an integral amount in [-prec, prec]; the exponent stays.
    def rotate(self, other, context=None):
        return _digit_move(self, other, context, True)

    def shift(self, other, context=None):
        return _digit_move(self, other, context, False)

    # The digit-wise operations of the specification on logical operands: finite,
    # positive, exponent 0, digits 0 and 1 only (CPython: mpd_qand and the others).
    def logical_and(self, other, context=None):
        return _logical(self, other, context, lambda x, y: x & y)

    def logical_or(self, other, context=None):
        return _logical(self, other, context, lambda x, y: x | y)

    def logical_xor(self, other, context=None):
        return _logical(self, other, context, lambda x, y: x ^ y)

    def logical_invert(self, context=None):
        ctx = _ctx(context)
        return _logical(self, _make(0, int('1' * ctx.prec), 0), ctx, lambda x, y: x ^ y)

    def quantize(self, exp, rounding=None, context=None):
        ctx = _ctx(context)
        exp = _convert_strict(exp)
        rounding = _rounding_arg(rounding, ctx)
        st = []
        result = _quantize(self, exp, rounding, ctx, st)
        ctx._commit(st)
        return result

    def same_quantum(self, other, context=None):
        _ctx(context)
        other = _convert_strict(other)
        if self._special is not None or other._special is not None:
            return (self._is_nan() and other._is_nan()) or (
                self._special == 'F' and other._special == 'F')
        return self._exp == other._exp

    def to_integral_value(self, rounding=None, context=None):
        ctx = _ctx(context)
        rounding = _rounding_arg(rounding, ctx)
        if self._special is not None:
            st = []
            nan = _nan_result(self, None, ctx, st)
            ctx._commit(st)  # a signaling NaN signals InvalidOperation
            return nan if nan is not None else self
        if self._exp >= 0:
            return self
        return _rescale(self, 0, rounding)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        ctx = _ctx(context)
        rounding = _rounding_arg(rounding, ctx)
        if self._special is not None:
            st = []
            nan = _nan_result(self, None, ctx, st)
            ctx._commit(st)
            return nan if nan is not None else self
        if self._exp >= 0:
            return self
        if self._coef == 0:
            return _make(self._sign, 0, 0)
        result = _rescale(self, 0, rounding)
        st = []
        if result != self:
            st.append(Inexact)
        st.append(Rounded)
        ctx._commit(st)
        return result

    def normalize(self, context=None):
        ctx = _ctx(context)
        st = []
        if self._special is not None:
            nan = _nan_result(self, None, ctx, st)
            ctx._commit(st)
            return nan if nan is not None else self
        d = _finish(self, ctx, st)
        if d._special is None:
            if d._coef == 0:
                d = _make(d._sign, 0, 0)
            else:
                top = ctx.Emax if not ctx.clamp else ctx.Etop()
                coef, exp = d._coef, d._exp
                while coef % 10 == 0 and exp < top:
                    coef //= 10
                    exp += 1
                d = _make(d._sign, coef, exp)
        ctx._commit(st)
        return d

    reduce = normalize

    def next_plus(self, context=None):
        return _next_toward(self, context, 1)

    def next_minus(self, context=None):
        return _next_toward(self, context, -1)

    def next_toward(self, other, context=None):
        ctx = _ctx(context)
        other = _convert_strict(other)
        st = []
        nan = _nan_result(self, other, ctx, st)
        if nan is not None:
            ctx._commit(st)
            return nan
        c = _compare_values(self, other)
        if c == 0:
            return self.copy_sign(other)
        result = _next_toward(self, ctx, -c)
        # CPython: Lib/_pydecimal.py Decimal.next_toward (the signals of its result)
        if result._special == 'F':
            st += [Overflow, Inexact, Rounded]
        elif result.adjusted() < ctx.Emin:
            st += [Underflow, Subnormal, Inexact, Rounded]
            if result._coef == 0:
                st.append(Clamped)
        ctx._commit(st)
        return result

    def __reduce__(self):
        return (type(self), (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _float_sign(f):
    return str(f).startswith('-')


def _gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def _compare_values(a, b):
    """-1, 0 or 1 for two non-NaN Decimals."""
    if a._special == 'F' or b._special == 'F':
        va = 0 if a._special != 'F' else (-1 if a._sign else 1)
        vb = 0 if b._special != 'F' else (-1 if b._sign else 1)
        if va == vb and va != 0:
            return 0
        if va or vb:
            return (va > vb) - (va < vb) if va != vb else 0
    if a._coef == 0 and b._coef == 0:
        return 0
    if a._coef == 0:
        return 1 if b._sign else -1
    if b._coef == 0:
        return -1 if a._sign else 1
    if a._sign != b._sign:
        return -1 if a._sign else 1
    adj_a, adj_b = a.adjusted(), b.adjusted()
    if adj_a != adj_b:
        result = 1 if adj_a > adj_b else -1
    else:
        e = min(a._exp, b._exp)
        ca = a._coef * 10 ** (a._exp - e)
        cb = b._coef * 10 ** (b._exp - e)
        result = (ca > cb) - (ca < cb)
    return -result if a._sign else result


def _total_key(d):
    # compare_total's order: -NaN < -sNaN < -Inf < finite < Inf < sNaN < NaN
    rank = {'n': 3, 'N': 2, 'F': 1}.get(d._special, 0)
    if rank >= 2:
        key = (rank, d._coef)
    elif rank == 1:
        key = (1, 0)
    else:
        n, den = d.copy_abs().as_integer_ratio()
        key = (0, _Exact(n, den), d._exp)
    if d._sign:
        return (0, _Reversed(key))
    return (1, key)


class _Exact(object):
    __slots__ = ('n', 'd')

    def __init__(self, n, d):
        self.n, self.d = n, d

    def __lt__(self, other):
        return self.n * other.d < other.n * self.d

    def __gt__(self, other):
        return self.n * other.d > other.n * self.d

    def __eq__(self, other):
        return self.n * other.d == other.n * self.d


class _Reversed(object):
    __slots__ = ('key',)

    def __init__(self, key):
        self.key = key

    def __lt__(self, other):
        return other.key < self.key

    def __gt__(self, other):
        return other.key > self.key

    def __eq__(self, other):
        return self.key == other.key


def _nan_result(a, b, ctx, st):
    """The result of an operation with a NaN operand, or None when there is none."""
    for d in (a, b):
        if d is not None and d._special == 'N':
            st.append(InvalidOperation)
            return _fix_nan(_make(d._sign, d._coef, 'n'), ctx)
    for d in (a, b):
        if d is not None and d._special == 'n':
            return _fix_nan(d, ctx)
    return None


def _fix_decimal(d, ctx, st):
    if d._special is not None:
        return d
    return _fix(d._sign, d._coef, d._exp, ctx, st)


def _unary(d, context, new_sign):
    ctx = _ctx(context)
    st = []
    nan = _nan_result(d, None, ctx, st)
    if nan is not None:
        ctx._commit(st)
        return nan
    sign = new_sign(d)
    if d._special is None and d._coef == 0 and ctx.rounding != ROUND_FLOOR:
        sign = 0
    if d._special == 'F':
        return _make(sign, 0, 'F')
    result = _fix(sign, d._coef, d._exp, ctx, st)
    ctx._commit(st)
    return result


def _arith(a, b, context, op, symbol):
    ctx = _ctx(context)
    other = _operand(b)
    if other is NotImplemented:
        if isinstance(b, float) and symbol:
            raise _binary_type_error(symbol, a, b)
        return NotImplemented
    st = []
    result = op(a, other, ctx, st)
    ctx._commit(st)
    return result


def _arith_r(a, b, context, op, symbol):
    ctx = _ctx(context)
    other = _operand(b)
    if other is NotImplemented:
        if isinstance(b, float):
            raise _binary_type_error(symbol, b, a)
        return NotImplemented
    st = []
    result = op(other, a, ctx, st)
    ctx._commit(st)
    return result


def _digit_move(d, other, context, rotate):
    ctx = _ctx(context)
    other = _convert_strict(other)
    st = []
    nan = _nan_result(d, other, ctx, st)
    if nan is not None:
        ctx._commit(st)
        return nan
    prec = ctx.prec
    if other._special is not None or other._exp != 0 or not -prec <= int(other) <= prec:
        ctx._commit([InvalidOperation])
        return _make(0, 0, 'n')
    if d._special == 'F':
        return _make(d._sign, 0, 'F')
    amount = int(other)
    digits = str(d._coef).rjust(prec, '0')[-prec:]
    if rotate:
        moved = digits[amount:] + digits[:amount]
    elif amount < 0:
        moved = digits[:amount]
    else:
        moved = (digits + '0' * amount)[-prec:]
    return _make(d._sign, int(moved or '0'), d._exp)


def _logical_digits(d, prec):
    if (d._special is not None or d._sign or d._exp != 0
            or str(d._coef).strip('01')):
        return None
    return str(d._coef).rjust(prec, '0')[-prec:]


def _logical(a, b, context, op):
    ctx = _ctx(context)
    b = _convert_strict(b)
    x = _logical_digits(a, ctx.prec)
    y = _logical_digits(b, ctx.prec)
    if x is None or y is None:
        ctx._commit([InvalidOperation])
        return _make(0, 0, 'n')
    digits = ''.join(str(op(int(i), int(j))) for i, j in zip(x, y))
    return _make(0, int(digits), 0)


def _invalid(st):
    st.append(InvalidOperation)
    return _make(0, 0, 'n')


def _rescale(d, exp, rounding):
    """d with exponent exp, its digits rounded off as rounding says (no signals)."""
    if d._special is not None:
        return d
    if d._coef == 0:
        return _make(d._sign, 0, exp)
    if d._exp >= exp:
        return _make(d._sign, d._coef * 10 ** (d._exp - exp), exp)
    coef, _ = _drop_digits(d._sign, d._coef, exp - d._exp, rounding)
    return _make(d._sign, coef, exp)


# CPython: Lib/_pydecimal.py Decimal.__add__ (operand alignment and the sign of zero)
def _add(a, b, ctx, st):
    nan = _nan_result(a, b, ctx, st)
    if nan is not None:
        return nan
    if a._special == 'F':
        if b._special == 'F' and a._sign != b._sign:
            return _invalid(st)
        return _make(a._sign, 0, 'F')
    if b._special == 'F':
        return _make(b._sign, 0, 'F')
    exp = min(a._exp, b._exp)
    negative_zero = ctx.rounding == ROUND_FLOOR and a._sign != b._sign
    if a._coef == 0 and b._coef == 0:
        sign = min(a._sign, b._sign)
        if negative_zero:
            sign = 1
        return _fix(sign, 0, exp, ctx, st)
    if a._coef == 0:
        exp = max(exp, b._exp - ctx.prec - 1)
        return _fix_decimal(_rescale(b, exp, ctx.rounding), ctx, st)
    if b._coef == 0:
        exp = max(exp, a._exp - ctx.prec - 1)
        return _fix_decimal(_rescale(a, exp, ctx.rounding), ctx, st)
    (sa, ca, ea), (sb, cb, eb) = _align(a, b, ctx.prec)
    va = -ca if sa else ca
    vb = -cb if sb else cb
    total = va + vb
    if total == 0:
        return _fix(1 if negative_zero else 0, 0, ea, ctx, st)
    return _fix(1 if total < 0 else 0, abs(total), ea, ctx, st)


def _align(a, b, prec):
    """Both operands at a common exponent; a far smaller one becomes a sticky digit."""
    big, small = (a, b) if a._exp >= b._exp else (b, a)
    big_len = _ndigits(big._coef)
    limit = big._exp + min(-1, big_len - prec - 2)
    small_coef, small_exp = small._coef, small._exp
    if _ndigits(small_coef) + small_exp - 1 < limit:
        small_coef, small_exp = 1, limit
    big_coef = big._coef * 10 ** (big._exp - small_exp)
    pair = {id(big): (big._sign, big_coef, small_exp),
            id(small): (small._sign, small_coef, small_exp)}
    if big is small:
        return pair[id(big)], (b._sign, small_coef, small_exp)
    return pair[id(a)], pair[id(b)]


def _sub(a, b, ctx, st):
    if b._special in ('n', 'N'):
        return _add(a, b, ctx, st)
    return _add(a, b.copy_negate(), ctx, st)


def _mul(a, b, ctx, st):
    nan = _nan_result(a, b, ctx, st)
    if nan is not None:
        return nan
    sign = a._sign ^ b._sign
    if a._special == 'F' or b._special == 'F':
        if (a._special is None and a._coef == 0) or (b._special is None and b._coef == 0):
            return _invalid(st)
        return _make(sign, 0, 'F')
    return _fix(sign, a._coef * b._coef, a._exp + b._exp, ctx, st)


# CPython: Lib/_pydecimal.py Decimal.__truediv__ (prec+1 digits and a sticky last digit)
def _div(a, b, ctx, st):
    nan = _nan_result(a, b, ctx, st)
    if nan is not None:
        return nan
    sign = a._sign ^ b._sign
    if a._special == 'F':
        if b._special == 'F':
            return _invalid(st)
        return _make(sign, 0, 'F')
    if b._special == 'F':
        st.append(Clamped)
        return _make(sign, 0, ctx.Etiny())
    if b._coef == 0:
        if a._coef == 0:
            st.append(DivisionUndefined)
            return _make(0, 0, 'n')
        st.append(DivisionByZero)
        return _make(sign, 0, 'F')
    if a._coef == 0:
        return _fix(sign, 0, a._exp - b._exp, ctx, st)
    shift = _ndigits(b._coef) - _ndigits(a._coef) + ctx.prec + 1
    exp = a._exp - b._exp - shift
    if shift >= 0:
        coef, rest = divmod(a._coef * 10 ** shift, b._coef)
    else:
        coef, rest = divmod(a._coef, b._coef * 10 ** -shift)
    if rest:
        if coef % 5 == 0:
            coef += 1
    else:
        ideal = a._exp - b._exp
        while exp < ideal and coef % 10 == 0:
            coef //= 10
            exp += 1
    return _fix(sign, coef, exp, ctx, st)


def _integer_division(a, b, ctx, st):
    """(quotient, remainder) of two finite Decimals, b nonzero, neither finalized; None
    when the quotient needs more than prec digits."""
    sign = a._sign ^ b._sign
    ideal = min(a._exp, b._exp)
    if a._coef == 0 or a.adjusted() - b.adjusted() <= -2:
        return _make(sign, 0, 0), _rescale(a, ideal, ctx.rounding)
    if a.adjusted() - b.adjusted() <= ctx.prec:
        ca = a._coef * 10 ** (a._exp - ideal)
        cb = b._coef * 10 ** (b._exp - ideal)
        q, r = divmod(ca, cb)
        if q < 10 ** ctx.prec:
            return _make(sign, q, 0), _make(a._sign, r, ideal)
    st.append(DivisionImpossible)
    return None


def _floordiv(a, b, ctx, st):
    nan = _nan_result(a, b, ctx, st)
    if nan is not None:
        return nan
    sign = a._sign ^ b._sign
    if a._special == 'F':
        if b._special == 'F':
            return _invalid(st)
        return _make(sign, 0, 'F')
    if b._special == 'F':
        return _make(sign, 0, 0)
    if b._coef == 0:
        if a._coef == 0:
            st.append(DivisionUndefined)
            return _make(0, 0, 'n')
        st.append(DivisionByZero)
        return _make(sign, 0, 'F')
    pair = _integer_division(a, b, ctx, st)
    return _fix_decimal(pair[0], ctx, st) if pair is not None else _make(0, 0, 'n')


def _remainder_special(a, b, ctx, st):
    """The remainder when an operand is a NaN or infinite or b is zero, else None."""
    nan = _nan_result(a, b, ctx, st)
    if nan is not None:
        return nan
    if a._special == 'F':
        return _invalid(st)
    if b._special == 'F':
        return _fix_decimal(a, ctx, st)
    if b._coef == 0:
        if a._coef == 0:
            st.append(DivisionUndefined)
        else:
            st.append(InvalidOperation)
        return _make(0, 0, 'n')
    return None


def _mod(a, b, ctx, st):
    special = _remainder_special(a, b, ctx, st)
    if special is not None:
        return special
    pair = _integer_division(a, b, ctx, st)
    return _fix_decimal(pair[1], ctx, st) if pair is not None else _make(0, 0, 'n')


def _divmod(a, b, ctx, st):
    nan = _nan_result(a, b, ctx, st)
    if nan is not None:
        return nan, nan
    sign = a._sign ^ b._sign
    if a._special == 'F':
        if b._special == 'F':
            nan = _invalid(st)
            return nan, nan
        return _make(sign, 0, 'F'), _invalid(st)
    if b._special == 'F':
        return _make(sign, 0, 0), _fix_decimal(a, ctx, st)
    if b._coef == 0:
        if a._coef == 0:
            st.append(DivisionUndefined)
            nan = _make(0, 0, 'n')
            return nan, nan
        st.append(DivisionByZero)
        st.append(InvalidOperation)
        return _make(sign, 0, 'F'), _make(0, 0, 'n')
    pair = _integer_division(a, b, ctx, st)
    if pair is None:
        nan = _make(0, 0, 'n')
        return nan, nan
    return _fix_decimal(pair[0], ctx, st), _fix_decimal(pair[1], ctx, st)


def _remainder_near(a, b, ctx, st):
    special = _remainder_special(a, b, ctx, st)
    if special is not None:
        return special
    ideal = min(a._exp, b._exp)
    if a._coef == 0:
        return _fix(a._sign, 0, ideal, ctx, st)
    if a.adjusted() - b.adjusted() > ctx.prec:
        st.append(DivisionImpossible)
        return _make(0, 0, 'n')
    if a.adjusted() - b.adjusted() <= -2:
        return _fix_decimal(_rescale(a, ideal, ctx.rounding), ctx, st)
    ca = a._coef * 10 ** (a._exp - ideal)
    cb = b._coef * 10 ** (b._exp - ideal)
    q, r = divmod(ca, cb)
    if 2 * r + (q & 1) > cb:
        r -= cb
        q += 1
    if q >= 10 ** ctx.prec:
        st.append(DivisionImpossible)
        return _make(0, 0, 'n')
    sign = a._sign
    if r < 0:
        sign = 1 - sign
        r = -r
    return _fix(sign, r, ideal, ctx, st)


def _quantize(d, target, rounding, ctx, st):
    if d._special is not None or target._special is not None:
        nan = _nan_result(d, target, ctx, st)
        if nan is not None:
            return nan
        if d._special == 'F' and target._special == 'F':
            return d
        return _invalid(st)
    if not ctx.Etiny() <= target._exp <= ctx.Emax:
        return _invalid(st)
    if d._coef == 0:
        return _fix(d._sign, 0, target._exp, ctx, st)
    if d.adjusted() > ctx.Emax or d.adjusted() - target._exp + 1 > ctx.prec:
        return _invalid(st)
    result = _rescale(d, target._exp, rounding)
    if result.adjusted() > ctx.Emax or _ndigits(result._coef) > ctx.prec:
        return _invalid(st)
    if result._coef and result.adjusted() < ctx.Emin:
        st.append(Subnormal)
    if result._exp > d._exp:
        if _compare_values(result, d) != 0:
            st.append(Inexact)
        st.append(Rounded)
    return _fix_decimal(result, ctx, st)


# CPython: Lib/_pydecimal.py Decimal.sqrt (ideal exponent floor(e/2), half-even rounding)
def _sqrt(d, ctx, st):
    nan = _nan_result(d, None, ctx, st)
    if nan is not None:
        return nan
    if d._special == 'F':
        if d._sign:
            return _invalid(st)
        return d
    if d._coef == 0:
        return _fix(d._sign, 0, d._exp >> 1, ctx, st)
    if d._sign:
        return _invalid(st)
    prec = ctx.prec + 1
    e = d._exp >> 1
    n = _ndigits(d._coef)
    if d._exp & 1:
        c = d._coef * 10
        length = (n >> 1) + 1
    else:
        c = d._coef
        length = (n + 1) >> 1
    shift = prec - length
    if shift >= 0:
        c *= 100 ** shift
        exact = True
    else:
        c, rest = divmod(c, 100 ** -shift)
        exact = not rest
    e -= shift
    root = _isqrt(c)
    exact = exact and root * root == c
    if exact:
        if shift >= 0:
            root //= 10 ** shift
        else:
            root *= 10 ** -shift
        e += shift
    elif root % 5 == 0:
        root += 1
    half_even = ctx.copy()
    half_even.rounding = ROUND_HALF_EVEN
    return _fix(0, root, e, half_even, st)


def _is_integral(d):
    if d._special is not None:
        return False
    if d._exp >= 0 or d._coef == 0:
        return True
    return d._coef % 10 ** -d._exp == 0


def _pow(a, b, ctx, st):
    nan = _nan_result(a, b, ctx, st)
    if nan is not None:
        return nan
    if b._special is None and b._coef == 0:
        if a._special is None and a._coef == 0:
            return _invalid(st)
        return _fix(0, 1, 0, ctx, st)
    result_sign = 0
    if a._sign:
        if _is_integral(b):
            result_sign = int(b) % 2 if b._special is None else 0
        elif not (a._special is None and a._coef == 0):
            return _invalid(st)
        a = a.copy_negate()
    if a._special is None and a._coef == 0:
        if b._sign:
            return _make(result_sign, 0, 'F')
        return _make(result_sign, 0, 0)
    if a._special == 'F':
        if b._sign:
            return _make(result_sign, 0, 0)
        return _make(result_sign, 0, 'F')
    if b._special == 'F':
        c = _compare_values(a, _make(0, 1, 0))
        if c == 0:
            st += [Inexact, Rounded]
            return _make(0, 10 ** (ctx.prec - 1), 1 - ctx.prec)
        if (c > 0) != bool(b._sign):
            return _make(result_sign, 0, 'F')
        return _make(result_sign, 0, 0)
    if _is_integral(b):
        return _int_power(a, b, result_sign, ctx, st)
    return _transcendental_value(lambda p: _exp_fixed(_mul_fixed(_ln_fixed(a, p), b, p), p),
                                 ctx, st, result_sign, exact_check=(a, b))


# CPython: Modules/_decimal/libmpdec/mpdecimal.c _mpd_qpow_int, _mpd_qpow_uint: squaring
# and multiplying at prec + (digits of the exponent) + 2, half-even, then one final
# rounding; a negative exponent works on the reciprocal. The results (and their signals)
# are libmpdec's, including its rare double roundings.
def _int_power(a, exponent, sign, ctx, st):
    n = int(exponent)
    work = ctx.copy()
    work.clear_traps()
    work.clamp = 0
    work.rounding = ROUND_HALF_EVEN
    work.prec = ctx.prec + _ndigits(exponent._coef) + exponent._exp + 2
    base = a
    if n < 0:
        work.prec += 1
        scratch = []
        base = _div(_make(0, 1, 0), a, work, scratch)
        st += scratch
        if any(_flag_of(c) in (InvalidOperation, DivisionByZero) for c in scratch):
            return _make(0, 0, 'n')
        n = -n
    result = base
    scratch = []
    for bit in bin(n)[3:]:
        result = _mul(result, result, work, scratch)
        if bit == '1':
            result = _mul(result, base, work, scratch)
        if result._special is not None or (result._coef == 0 and Clamped in scratch):
            break
    st += scratch
    if result._special == 'F':
        return _overflow_result(sign, ctx, st)
    return _fix(sign, result._coef, result._exp, ctx, st)


def _pow_modulo(a, b, modulo, context):
    ctx = _ctx(context)
    b = _convert_strict(b)
    modulo = _convert_strict(modulo)
    st = []
    for d in (a, b, modulo):
        if d._special == 'N':
            st.append(InvalidOperation)
            ctx._commit(st)
            return _fix_nan(_make(d._sign, d._coef, 'n'), ctx)
    for d in (a, b, modulo):
        if d._special == 'n':
            return _fix_nan(d, ctx)
    if not (_is_integral(a) and _is_integral(b) and _is_integral(modulo)) or \
            b._sign or modulo._coef == 0 or (a._coef == 0 and b._coef == 0) or \
            _ndigits(int(modulo)) > ctx.prec:
        ctx._commit([InvalidOperation])
        return _make(0, 0, 'n')
    m = abs(int(modulo))
    value = pow(abs(int(a)), int(b), m)
    sign = a._sign if int(b) % 2 else 0
    return _make(sign, value, 0)


def _minmax(a, b, context, direction, by_magnitude):
    ctx = _ctx(context)
    b = _convert_strict(b)
    st = []
    if a._is_nan() or b._is_nan():
        if a._special == 'N' or b._special == 'N':
            result = _nan_result(a, b, ctx, st)
            ctx._commit(st)
            return result
        if a._is_nan() and b._is_nan():
            return _fix_nan(a, ctx)
        chosen = b if a._is_nan() else a
        result = _fix_decimal(chosen, ctx, st)
        ctx._commit(st)
        return result
    x, y = (a.copy_abs(), b.copy_abs()) if by_magnitude else (a, b)
    c = _compare_values(x, y)
    if c == 0:
        c = _compare_values(a, b)
        if c == 0:
            # equal values: the sign, then the exponent decides
            if a._sign != b._sign:
                c = -1 if a._sign else 1
            elif a._exp != b._exp:
                c = (1 if a._exp > b._exp else -1) * (-1 if a._sign else 1)
    chosen = a if c * direction >= 0 else b
    result = _fix_decimal(chosen, ctx, st)
    ctx._commit(st)
    return result


def _next_toward(d, context, direction):
    ctx = _ctx(context)
    st = []
    nan = _nan_result(d, None, ctx, st)
    if nan is not None:
        ctx._commit(st)
        return nan
    if d._special == 'F':
        if (direction > 0) == bool(d._sign):
            return _make(d._sign, 10 ** ctx.prec - 1, ctx.Etop())
        return d
    work = ctx.copy()
    work.clear_traps()
    work.rounding = ROUND_CEILING if direction > 0 else ROUND_FLOOR
    tiny = _make(0 if direction > 0 else 1, 1, ctx.Etiny() - 1)
    scratch = []
    if d._coef == 0:
        return _make(0 if direction > 0 else 1, 1, ctx.Etiny())
    fixed = _fix(d._sign, d._coef, d._exp, work, scratch)
    if _compare_values(fixed, d) != 0:
        return fixed
    return _add(d, tiny, work, [])


# ================================
# exp, ln, log10 and non-integral powers
# ================================
# Fixed-point values are integers scaled by 10**p. Each result is computed with guard
# digits, then rounded once; when the guard digits leave the rounding undecided the
# computation is repeated with more of them.

def _ln10_fixed(p):
    return _ln_of_ratio(10, 1, p)


def _ln_of_ratio(num, den, p):
    """ln(num/den) * 10**p, num/den > 0, by halving the argument with square roots."""
    guard = p + 10
    one = 10 ** guard
    x = num * one // den
    halvings = 0
    # bring x near 1: square roots while |x - 1| > 1/10
    while abs(x - one) * 10 > one:
        x = _isqrt(x * one)
        halvings += 1
    # ln(x) = 2 * atanh((x-1)/(x+1))
    z = (x - one) * one // (x + one)
    z2 = z * z // one
    term = z
    total = 0
    k = 1
    while term:
        total += term // k
        term = term * z2 // one
        k += 2
    result = 2 * total * (2 ** halvings)
    return result // 10 ** 10


def _ln_fixed(d, p):
    """ln(d) * 10**p for a finite positive Decimal d."""
    guard = p + 5 + len(str(abs(d.adjusted()) + 1))
    k = d.adjusted()
    mantissa_num = d._coef
    mantissa_den = 10 ** (_ndigits(d._coef) - 1)
    value = _ln_of_ratio(mantissa_num, mantissa_den, guard) + k * _ln10_fixed(guard)
    return value // 10 ** (guard - p)


def _mul_fixed(x, d, p):
    """x * d for a fixed-point x (scale 10**p) and a Decimal d."""
    value = x * d._coef
    if d._exp >= 0:
        value *= 10 ** d._exp
    else:
        value //= 10 ** -d._exp
    return -value if d._sign else value


def _exp_fixed(x, p):
    """(exp(x / 10**p) * 10**p) as (coef, exp) pair scaled: returns (coef, exp10)."""
    one = 10 ** p
    # exp(x) = 10**q * exp(r), r = x - q*ln10
    ln10 = _ln10_fixed(p + 10) // 10 ** 10
    q = x // ln10
    r = x - q * ln10
    halvings = 0
    while r > one // 10:
        r //= 2
        halvings += 1
    guard = p + 10
    big = 10 ** guard
    rr = r * 10 ** 10
    term = big
    total = big
    k = 1
    while term:
        term = term * rr // (big * k)
        total += term
        k += 1
    for _ in range(halvings):
        total = total * total // big
    return total, q - guard


def _transcendental_value(compute, ctx, st, sign=0, exact_check=None):
    p = ctx.prec + 12
    for attempt in range(4):
        value = compute(p)
        if isinstance(value, tuple):
            coef, exp = value
        else:
            coef, exp = value, -p
        neg = coef < 0
        coef = abs(coef)
        width = 10 ** (len(str(attempt)) + 2)
        probe = ctx.copy()
        probe.clear_traps()
        low = _fix(neg, max(coef - width, 0), exp, probe, [])
        high = _fix(neg, coef + width, exp, probe, [])
        if _compare_values(low, high) == 0 or attempt == 3:
            break
        p += 20
    if exact_check is not None:
        exact = _exact_power(exact_check[0], exact_check[1], ctx)
        if exact is not None:
            # CPython's module flags even these padded results as rounded
            st += [Inexact, Rounded]
            return _make(sign, exact._coef, exact._exp)
    result = _fix(1 if neg else sign, coef + (1 if coef % 10 == 0 else 0), exp, ctx, st)
    st.append(Inexact)
    st.append(Rounded)
    return result


def _exact_power(a, b, ctx):
    """a**b when it is exactly representable with at most prec digits, else None."""
    n, d = b.as_integer_ratio()
    if d > 64 or n < 0:
        return None
    num, den = a.as_integer_ratio()
    root_num = _int_root(num, d)
    root_den = _int_root(den, d)
    if root_num is None or root_den is None:
        return None
    num, den = root_num ** n, root_den ** n
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1:
        return None
    k = max(twos, fives)
    coef = num * 2 ** (k - twos) * 5 ** (k - fives)
    if _ndigits(coef) > ctx.prec:
        return None
    pad = ctx.prec - _ndigits(coef)
    return _make(0, coef * 10 ** pad, -k - pad)


def _int_root(n, k):
    if n == 0:
        return 0
    r = int(round(n ** (1.0 / k))) if n.bit_length() < 1000 else None
    if r is None:
        lo, hi = 0, 1 << (n.bit_length() // k + 1)
        while lo < hi:
            mid = (lo + hi) // 2
            if mid ** k < n:
                lo = mid + 1
            else:
                hi = mid
        r = lo
    for c in (r - 1, r, r + 1):
        if c >= 0 and c ** k == n:
            return c
    return None


def _exp_op(d, ctx, st):
    if d._special == 'F':
        return _make(0, 0, 0) if d._sign else d
    if d._coef == 0:
        return _fix(0, 1, 0, ctx, st)
    if d.adjusted() > len(str(ctx.Emax)) + 1:
        if d._sign:
            st.append(Inexact)
            return _fix(0, 1, ctx.Etiny() - 2, ctx, st)
        return _overflow_result(0, ctx, st)

    def compute(p):
        x = _mul_fixed(10 ** p, d, p)
        return _exp_fixed(x, p)
    return _transcendental_value(compute, ctx, st)


def _ln_op(d, ctx, st):
    if d._special == 'F':
        if d._sign:
            return _invalid(st)
        return d
    if d._coef == 0:
        return _make(1, 0, 'F')
    if d._sign:
        return _invalid(st)
    if d._coef == 1 and d._exp == 0:
        return _make(0, 0, 0)
    return _transcendental_value(lambda p: _ln_fixed(d, p), ctx, st)


def _log10_op(d, ctx, st):
    if d._special == 'F':
        if d._sign:
            return _invalid(st)
        return d
    if d._coef == 0:
        return _make(1, 0, 'F')
    if d._sign:
        return _invalid(st)
    text = str(d._coef).rstrip('0')
    if text == '1':
        return _fix_decimal(Decimal(d.adjusted()), ctx, st)
    return _transcendental_value(
        lambda p: _ln_fixed(d, p + 5) * 10 ** (p + 5) // _ln10_fixed(p + 5) // 10 ** 5,
        ctx, st)


def _transcendental(d, context, op):
    ctx = _ctx(context)
    st = []
    nan = _nan_result(d, None, ctx, st)
    if nan is not None:
        ctx._commit(st)
        return nan
    half_even = ctx.copy()
    half_even.rounding = ROUND_HALF_EVEN
    half_even.traps = dict(ctx.traps)
    result = op(d, half_even, st)
    ctx._commit(st)
    return result


# ===========
# Formatting
# ===========

# C's Decimal.__format__ reports every bad specifier with this one text (CPython:
# Modules/_decimal/_decimal.c pydec_format)
_BAD_FORMAT = 'invalid format string'


def _parse_spec(spec):
    """The parts of a format specifier: fill, align, sign, z, #, 0, width, sep, prec, type."""
    i = 0
    n = len(spec)
    fill = align = None
    if n >= 2 and spec[1] in '<>=^':
        fill, align = spec[0], spec[1]
        i = 2
    elif n >= 1 and spec[0] in '<>=^':
        align = spec[0]
        i = 1
    sign = '-'
    if i < n and spec[i] in '+- ':
        sign = spec[i]
        i += 1
    no_neg_0 = False
    if i < n and spec[i] == 'z':
        no_neg_0 = True
        i += 1
    alt = False
    if i < n and spec[i] == '#':
        alt = True
        i += 1
    zeropad = False
    if i < n and spec[i] == '0':
        zeropad = True
        i += 1
    start = i
    while i < n and spec[i].isdigit():
        i += 1
    width = int(spec[start:i]) if i > start else 0
    sep = ''
    if i < n and spec[i] in ',_':
        sep = spec[i]
        i += 1
    precision = None
    frac_sep = ''
    if i < n and spec[i] == '.':
        i += 1
        start = i
        while i < n and spec[i].isdigit():
            i += 1
        if i > start:
            precision = int(spec[start:i])
        # 3.14: the fraction's digits may be grouped too, '.2_f' or '._f'
        if i < n and spec[i] in ',_':
            frac_sep = spec[i]
            i += 1
        if i == start:
            raise ValueError(_BAD_FORMAT)
    kind = None
    if i < n:
        kind = spec[i]
        i += 1
    if i != n or (kind is not None and kind not in 'eEfFgGn%'):
        raise ValueError(_BAD_FORMAT)
    if zeropad and (fill is not None or align is not None):
        raise ValueError(_BAD_FORMAT)
    if kind == 'n' and sep:
        raise ValueError(_BAD_FORMAT)
    if kind in ('g', 'G', 'n', None) and precision == 0:
        precision = 1
    return dict(fill=fill or ' ', align=align or '>', sign=sign, no_neg_0=no_neg_0,
                alt=alt, zeropad=zeropad, width=width, sep=sep, precision=precision,
                type=kind, frac_sep=frac_sep)


# CPython: Lib/_pydecimal.py Decimal.__format__, _format_number, _insert_thousands_sep
def _format_decimal(d, specifier, context):
    ctx = _ctx(context)
    spec = _parse_spec(specifier)
    if d._special is not None:
        sign = _sign_text(d._sign, spec)
        body = str(d.copy_abs())
        if spec['type'] == '%':
            body += '%'
        return _align_text(sign, body, spec)
    kind = spec['type']
    if kind is None:
        kind = 'G' if ctx.capitals else 'g'
    if kind == 'n':
        kind = 'g'
    rounding = ctx.rounding
    precision = spec['precision']
    if kind == '%':
        d = _make(d._sign, d._coef, d._exp + 2)
    if precision is not None:
        if kind in 'eE':
            d = _round_digits(d, precision + 1, rounding)
        elif kind in 'fF%':
            d = _rescale(d, -precision, rounding)
        elif kind in 'gG' and _ndigits(d._coef) > precision:
            d = _round_digits(d, precision, rounding)
    if d._coef == 0 and d._exp > 0 and kind in 'fF%':
        d = _rescale(d, 0, rounding)
    sign_bit = d._sign
    if d._coef == 0 and spec['no_neg_0']:
        sign_bit = 0
    digits = str(d._coef)
    leftdigits = d._exp + len(digits)
    if kind in 'eE':
        dotplace = 1 - precision if (d._coef == 0 and precision is not None) else 1
    elif kind in 'fF%':
        dotplace = leftdigits
    else:
        dotplace = leftdigits if (d._exp <= 0 and leftdigits > -6) else 1
    if dotplace < 0:
        intpart, fracpart = '0', '0' * (-dotplace) + digits
    elif dotplace > len(digits):
        intpart, fracpart = digits + '0' * (dotplace - len(digits)), ''
    else:
        intpart, fracpart = digits[:dotplace] or '0', digits[dotplace:]
    exp = leftdigits - dotplace
    sign = _sign_text(sign_bit, spec)
    if fracpart and spec['frac_sep']:
        fracpart = spec['frac_sep'].join(fracpart[k:k + 3] for k in range(0, len(fracpart), 3))
    if fracpart or spec['alt']:
        fracpart = '.' + fracpart
    if exp != 0 or kind in 'eE':
        echar = {'E': 'E', 'e': 'e', 'G': 'E', 'g': 'e'}[kind]
        fracpart += '%s%+d' % (echar, exp)
    if kind == '%':
        fracpart += '%'
    if spec['zeropad']:
        min_width = spec['width'] - len(fracpart) - len(sign)
    else:
        min_width = 0
    intpart = _group_digits(intpart, spec['sep'], min_width)
    return _align_text(sign, intpart + fracpart, spec)


def _round_digits(d, places, rounding):
    """d with exactly places significant digits (zeros are left alone)."""
    if d._coef == 0:
        return d
    result = _rescale(d, d.adjusted() + 1 - places, rounding)
    if result.adjusted() != d.adjusted():
        result = _rescale(result, result.adjusted() + 1 - places, rounding)
    return result


def _sign_text(sign_bit, spec):
    if sign_bit:
        return '-'
    if spec['sign'] in '+ ':
        return spec['sign']
    return ''


def _group_digits(digits, sep, min_width):
    """digits in groups of three joined by sep, zero-padded to min_width columns."""
    min_width = max(min_width, 1)
    if not sep:
        return '0' * (min_width - len(digits)) + digits
    groups = []
    while True:
        size = min(max(len(digits), min_width, 1), 3)
        groups.append('0' * (size - len(digits)) + digits[-size:])
        digits = digits[:-size]
        min_width -= size
        if not digits and min_width <= 0:
            break
        min_width -= len(sep)
    return sep.join(reversed(groups))


def _align_text(sign, body, spec):
    padding = spec['fill'] * (spec['width'] - len(sign) - len(body))
    align = spec['align']
    if align == '<':
        return sign + body + padding
    if align == '>':
        return padding + sign + body
    if align == '=':
        return sign + padding + body
    half = len(padding) // 2
    return padding[:half] + sign + body + padding[half:]


# numbers.Number registers Decimal when numbers is imported; register now if it is.
if 'numbers' in _sys.modules:
    try:
        _sys.modules['numbers'].Number.register(Decimal)
    except AttributeError:
        pass
