"""Rational numbers: gopy's fractions, with CPython 3.14's behaviour and texts."""

import math
import numbers
import operator
import sys

__all__ = ['Fraction']

_PyHASH_MODULUS = sys.hash_info.modulus
_PyHASH_INF = sys.hash_info.inf


def _hash_algorithm(numerator, denominator):
    # CPython: Lib/fractions.py _hash_algorithm (the hash shared by all rationals)
    try:
        dinv = pow(denominator, -1, _PyHASH_MODULUS)
    except ValueError:
        hash_ = _PyHASH_INF
    else:
        hash_ = hash(hash(abs(numerator)) * dinv)
    result = hash_ if numerator >= 0 else -hash_
    return -2 if result == -1 else result


def _digits_value(text):
    """int of decimal digits with single '_' between them, or None."""
    if not text or text[0] == '_' or text[-1] == '_' or '__' in text:
        return None
    clean = text.replace('_', '')
    if not clean.isdecimal():
        return None
    return int(clean)


def _parse_fraction(text):
    """(numerator, denominator) of a numeric string, or None."""
    s = text.strip()
    sign = 1
    if s[:1] in ('+', '-'):
        sign = -1 if s[0] == '-' else 1
        s = s[1:]
    if '/' in s:
        num_text, _, den_text = s.partition('/')
        num = _digits_value(num_text.rstrip())
        den = _digits_value(den_text.lstrip())
        if num is None or den is None:
            return None
        return sign * num, den
    mantissa, exponent = s, None
    for i, ch in enumerate(s):
        if ch in 'eE':
            mantissa, exponent = s[:i], s[i + 1:]
            break
    whole, dot, frac = mantissa.partition('.')
    if not whole and not frac:
        return None
    num = 0
    den = 1
    if whole:
        num = _digits_value(whole)
        if num is None:
            return None
    if dot and frac:
        value = _digits_value(frac)
        if value is None:
            return None
        scale = 10 ** len(frac.replace('_', ''))
        num = num * scale + value
        den = scale
    if exponent is not None:
        esign = 1
        if exponent[:1] in ('+', '-'):
            esign = -1 if exponent[0] == '-' else 1
            exponent = exponent[1:]
        value = _digits_value(exponent)
        if value is None:
            return None
        if esign > 0:
            num *= 10 ** value
        else:
            den *= 10 ** value
    return sign * num, den


def _is_rational(x):
    # int and Fraction are tested first: the ABC check is the slow path
    return isinstance(x, (int, Fraction)) or isinstance(x, numbers.Rational)


def _is_real(x):
    return isinstance(x, float) or isinstance(x, numbers.Real)


def _round_to_exponent(n, d, exponent, no_neg_zero=False):
    """n/d rounded half-even to a multiple of 10**exponent: (negative, significand)."""
    if exponent >= 0:
        d *= 10 ** exponent
    else:
        n *= 10 ** -exponent
    q, r = divmod(n + (d >> 1), d)
    if r == 0 and d & 1 == 0:
        q &= -2
    negative = q < 0 if no_neg_zero else n < 0
    return negative, abs(q)


def _round_to_figures(n, d, figures):
    """n/d rounded half-even to figures significant digits: (negative, sig, exponent)."""
    if n == 0:
        return False, 0, 1 - figures
    # floor(log10(|n|/d)) is e0 or e0 - 1, e0 from the digit counts
    e0 = len(str(abs(n))) - len(str(d))
    if e0 >= 0:
        floor_log = e0 if abs(n) >= d * 10 ** e0 else e0 - 1
    else:
        floor_log = e0 if abs(n) * 10 ** -e0 >= d else e0 - 1
    exponent = floor_log - figures + 1
    negative, significand = _round_to_exponent(n, d, exponent)
    if significand == 10 ** figures:
        significand //= 10
        exponent += 1
    return negative, significand, exponent


def _parse_format_spec(spec):
    """A dict of the format specifier's fields, or None when it does not parse."""
    i, n = 0, len(spec)
    out = dict(fill=None, align=None, sign='-', no_neg_zero=False, alt=False,
               zeropad=False, width=None, sep='', precision=None, frac_sep='', type=None)
    if n >= 2 and spec[1] in '<>=^':
        out['fill'], out['align'] = spec[0], spec[1]
        i = 2
    elif n >= 1 and spec[0] in '<>=^':
        out['align'] = spec[0]
        i = 1
    if i < n and spec[i] in '+- ':
        out['sign'] = spec[i]
        i += 1
    if i < n and spec[i] == 'z':
        out['no_neg_zero'] = True
        i += 1
    if i < n and spec[i] == '#':
        out['alt'] = True
        i += 1
    if i + 1 < n and spec[i] == '0' and spec[i + 1].isdigit():
        out['zeropad'] = True
        i += 1
    start = i
    while i < n and '0' <= spec[i] <= '9':
        i += 1
    if i > start:
        out['width'] = spec[start:i]
    if i < n and spec[i] in ',_':
        out['sep'] = spec[i]
        i += 1
    if i < n and spec[i] == '.':
        i += 1
        if i >= n or not (spec[i] in ',_' or '0' <= spec[i] <= '9'):
            return None
        start = i
        while i < n and '0' <= spec[i] <= '9':
            i += 1
        if i > start:
            out['precision'] = int(spec[start:i])
        if i < n and spec[i] in ',_':
            out['frac_sep'] = spec[i]
            i += 1
        out['has_point'] = True
    if i < n:
        out['type'] = spec[i]
        i += 1
    if i != n:
        return None
    return out


def _pad(sign, body, fill, align, width):
    padding = fill * (width - len(sign) - len(body))
    if align == '>':
        return padding + sign + body
    if align == '<':
        return sign + body + padding
    if align == '^':
        half = len(padding) // 2
        return padding[:half] + sign + body + padding[half:]
    return sign + padding + body


class Fraction(numbers.Rational):
    """A rational number: Fraction(3, 4), Fraction('3/4'), Fraction(0.75)."""

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None):
        self = super(Fraction, cls).__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            elif _is_rational(numerator):
                self._numerator = numerator.numerator
                self._denominator = numerator.denominator
                return self
            elif (isinstance(numerator, float) or
                  (not isinstance(numerator, type) and
                   hasattr(numerator, 'as_integer_ratio'))):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            elif isinstance(numerator, str):
                parsed = _parse_fraction(numerator)
                if parsed is None:
                    raise ValueError('Invalid literal for Fraction: %r' % numerator)
                numerator, denominator = parsed
                if denominator == 0:
                    raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
            else:
                raise TypeError('argument should be a string or a Rational instance or '
                                'have the as_integer_ratio() method')
        elif type(numerator) is int is type(denominator):
            pass
        elif _is_rational(numerator) and _is_rational(denominator):
            numerator, denominator = (
                numerator.numerator * denominator.denominator,
                denominator.numerator * numerator.denominator)
        else:
            raise TypeError('both arguments should be Rational instances')
        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        g = math.gcd(numerator, denominator)
        if denominator < 0:
            g = -g
        self._numerator = numerator // g
        self._denominator = denominator // g
        return self

    @classmethod
    def from_number(cls, number):
        """A Fraction equal to a real number or an object with as_integer_ratio()."""
        if type(number) is int:
            return cls._from_coprime_ints(number, 1)
        if _is_rational(number):
            return cls._from_coprime_ints(number.numerator, number.denominator)
        if isinstance(number, float) or (not isinstance(number, type) and
                                         hasattr(number, 'as_integer_ratio')):
            return cls._from_coprime_ints(*number.as_integer_ratio())
        raise TypeError('argument should be a Rational instance or '
                        'have the as_integer_ratio() method')

    @classmethod
    def from_float(cls, f):
        """The exact value of a float."""
        if isinstance(f, int) or isinstance(f, numbers.Integral):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('%s.from_float() only takes floats, not %r (%s)'
                            % (cls.__name__, f, type(f).__name__))
        return cls._from_coprime_ints(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        """The exact value of a Decimal."""
        from decimal import Decimal
        if isinstance(dec, int) or isinstance(dec, numbers.Integral):
            dec = Decimal(int(dec))
        elif not isinstance(dec, Decimal):
            raise TypeError('%s.from_decimal() only takes Decimals, not %r (%s)'
                            % (cls.__name__, dec, type(dec).__name__))
        return cls._from_coprime_ints(*dec.as_integer_ratio())

    @classmethod
    def _from_coprime_ints(cls, numerator, denominator, /):
        obj = super(Fraction, cls).__new__(cls)
        obj._numerator = numerator
        obj._denominator = denominator
        return obj

    def is_integer(self):
        return self._denominator == 1

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    # CPython: Lib/fractions.py Fraction.limit_denominator (continued fractions)
    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction with denominator at most max_denominator."""
        if max_denominator < 1:
            raise ValueError('max_denominator should be at least 1')
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        # of the two candidates, the one nearer to self (the later one on a tie)
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction._from_coprime_ints(p1, q1)
        return Fraction._from_coprime_ints(p0 + k * p1, q0 + k * q1)

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        return '%s(%s, %s)' % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    def __format__(self, format_spec, /):
        spec = _parse_format_spec(format_spec)
        if spec is not None and spec['type'] is None and not spec['no_neg_zero'] and \
                not spec['zeropad'] and spec['precision'] is None and \
                not spec.get('has_point') and not spec['frac_sep']:
            return self._format_general(spec)
        if spec is not None and spec['type'] is not None and spec['type'] in 'eEfFgG%':
            if spec['align'] is None or not spec['zeropad']:
                return self._format_float_style(spec)
        raise ValueError(f'Invalid format specifier {format_spec!r} '
                         f'for object of type {type(self).__name__!r}')

    def _format_general(self, spec):
        n, d = self._numerator, self._denominator
        sep = spec['sep']
        if d > 1 or spec['alt']:
            body = f'{abs(n):{sep}}/{d:{sep}}'
        else:
            body = f'{abs(n):{sep}}'
        sign = '-' if n < 0 else ('' if spec['sign'] == '-' else spec['sign'])
        return _pad(sign, body, spec['fill'] or ' ', spec['align'] or '>',
                    int(spec['width'] or '0'))

    # CPython: Lib/fractions.py Fraction._format_float_style
    def _format_float_style(self, spec):
        fill = spec['fill'] or ' '
        align = spec['align'] or '>'
        pos_sign = '' if spec['sign'] == '-' else spec['sign']
        alt = spec['alt']
        zeropad = spec['zeropad']
        width = int(spec['width'] or '0')
        sep = spec['sep']
        precision = spec['precision'] if spec['precision'] is not None else 6
        frac_sep = spec['frac_sep']
        kind = spec['type']
        trim_zeros = kind in 'gG' and not alt
        trim_point = not alt
        e_char = 'E' if kind in 'EFG' else 'e'
        if align == '=' and fill == '0':
            zeropad = True
        if kind in 'fF%':
            exponent = -precision
            if kind == '%':
                exponent -= 2
            negative, significand = _round_to_exponent(
                self._numerator, self._denominator, exponent, spec['no_neg_zero'])
            scientific = False
            point_pos = precision
        else:
            figures = max(precision, 1) if kind in 'gG' else precision + 1
            negative, significand, exponent = _round_to_figures(
                self._numerator, self._denominator, figures)
            scientific = kind in 'eE' or exponent > 0 or exponent + figures <= -4
            point_pos = figures - 1 if scientific else -exponent
        if kind == '%':
            suffix = '%'
        elif scientific:
            suffix = f'{e_char}{exponent + point_pos:+03d}'
        else:
            suffix = ''
        digits = f'{significand:0{point_pos + 1}d}'
        sign = '-' if negative else pos_sign
        leading = digits[:len(digits) - point_pos]
        frac_part = digits[len(digits) - point_pos:]
        if trim_zeros:
            frac_part = frac_part.rstrip('0')
        point = '' if trim_point and not frac_part else '.'
        if frac_sep:
            frac_part = frac_sep.join(frac_part[p:p + 3] for p in range(0, len(frac_part), 3))
        trailing = point + frac_part + suffix
        if zeropad:
            min_leading = width - len(sign) - len(trailing)
            leading = leading.zfill(3 * min_leading // 4 + 1 if sep else min_leading)
        if sep:
            first = 1 + (len(leading) - 1) % 3
            leading = leading[:first] + ''.join(
                sep + leading[p:p + 3] for p in range(first, len(leading), 3))
        return _pad(sign, leading + trailing, fill, align, width)

    def _operator_fallbacks(monomorphic_operator, fallback_operator, handle_complex=True):
        """The forward and reverse methods of an operator over Fraction, int, float and
        complex operands, as CPython's fractions defines them."""

        def forward(a, b):
            if isinstance(b, Fraction):
                return monomorphic_operator(a, b)
            elif isinstance(b, int):
                return monomorphic_operator(a, Fraction._from_coprime_ints(b, 1))
            elif isinstance(b, float):
                return fallback_operator(float(a), b)
            elif handle_complex and isinstance(b, complex):
                return fallback_operator(complex(a), b)
            else:
                return NotImplemented
        forward.__name__ = '__' + fallback_operator.__name__ + '__'
        forward.__doc__ = monomorphic_operator.__doc__

        def reverse(b, a):
            if _is_rational(a):
                return monomorphic_operator(Fraction(a), b)
            elif _is_real(a):
                return fallback_operator(float(a), float(b))
            elif handle_complex and (isinstance(a, complex) or
                                     isinstance(a, numbers.Complex)):
                return fallback_operator(complex(a), complex(b))
            else:
                return NotImplemented
        reverse.__name__ = '__r' + fallback_operator.__name__ + '__'
        reverse.__doc__ = monomorphic_operator.__doc__
        return forward, reverse

    def _add(a, b):
        """a + b"""
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        g = math.gcd(da, db)
        if g == 1:
            return Fraction._from_coprime_ints(na * db + da * nb, da * db)
        s = da // g
        t = na * (db // g) + nb * s
        g2 = math.gcd(t, g)
        if g2 == 1:
            return Fraction._from_coprime_ints(t, s * db)
        return Fraction._from_coprime_ints(t // g2, s * (db // g2))

    __add__, __radd__ = _operator_fallbacks(_add, operator.add)

    def _sub(a, b):
        """a - b"""
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        g = math.gcd(da, db)
        if g == 1:
            return Fraction._from_coprime_ints(na * db - da * nb, da * db)
        s = da // g
        t = na * (db // g) - nb * s
        g2 = math.gcd(t, g)
        if g2 == 1:
            return Fraction._from_coprime_ints(t, s * db)
        return Fraction._from_coprime_ints(t // g2, s * (db // g2))

    __sub__, __rsub__ = _operator_fallbacks(_sub, operator.sub)

    def _mul(a, b):
        """a * b"""
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        g1 = math.gcd(na, db)
        if g1 > 1:
            na //= g1
            db //= g1
        g2 = math.gcd(nb, da)
        if g2 > 1:
            nb //= g2
            da //= g2
        return Fraction._from_coprime_ints(na * nb, db * da)

    __mul__, __rmul__ = _operator_fallbacks(_mul, operator.mul)

    def _div(a, b):
        """a / b"""
        nb, db = b._numerator, b._denominator
        if nb == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % db)
        na, da = a._numerator, a._denominator
        g1 = math.gcd(na, nb)
        if g1 > 1:
            na //= g1
            nb //= g1
        g2 = math.gcd(db, da)
        if g2 > 1:
            da //= g2
            db //= g2
        n, d = na * db, nb * da
        if d < 0:
            n, d = -n, -d
        return Fraction._from_coprime_ints(n, d)

    __truediv__, __rtruediv__ = _operator_fallbacks(_div, operator.truediv)

    def _floordiv(a, b):
        """a // b"""
        return (a.numerator * b.denominator) // (a.denominator * b.numerator)

    __floordiv__, __rfloordiv__ = _operator_fallbacks(_floordiv, operator.floordiv, False)

    def _divmod(a, b):
        """(a // b, a % b)"""
        da, db = a.denominator, b.denominator
        div, n_mod = divmod(a.numerator * db, da * b.numerator)
        return div, Fraction(n_mod, da * db)

    __divmod__, __rdivmod__ = _operator_fallbacks(_divmod, divmod, False)

    def _mod(a, b):
        """a % b"""
        da, db = a.denominator, b.denominator
        return Fraction((a.numerator * db) % (b.numerator * da), da * db)

    __mod__, __rmod__ = _operator_fallbacks(_mod, operator.mod, False)

    def __pow__(a, b, modulo=None):
        """a ** b: a Fraction for an integral b, else a float or complex."""
        if modulo is not None:
            return NotImplemented
        if _is_rational(b):
            if b.denominator == 1:
                power = b.numerator
                if power >= 0:
                    return Fraction._from_coprime_ints(a._numerator ** power,
                                                       a._denominator ** power)
                elif a._numerator > 0:
                    return Fraction._from_coprime_ints(a._denominator ** -power,
                                                       a._numerator ** -power)
                elif a._numerator == 0:
                    raise ZeroDivisionError('Fraction(%s, 0)' % a._denominator ** -power)
                else:
                    return Fraction._from_coprime_ints((-a._denominator) ** -power,
                                                       (-a._numerator) ** -power)
            return float(a) ** float(b)
        elif isinstance(b, (float, complex)):
            return float(a) ** b
        return NotImplemented

    def __rpow__(b, a, modulo=None):
        """a ** b"""
        if modulo is not None:
            return NotImplemented
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if _is_rational(a):
            return Fraction(a.numerator, a.denominator) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        return Fraction._from_coprime_ints(a._numerator, a._denominator)

    def __neg__(a):
        return Fraction._from_coprime_ints(-a._numerator, a._denominator)

    def __abs__(a):
        return Fraction._from_coprime_ints(abs(a._numerator), a._denominator)

    def __int__(a, _index=operator.index):
        if a._numerator < 0:
            return _index(-(-a._numerator // a._denominator))
        return _index(a._numerator // a._denominator)

    def __trunc__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        """round(self[, ndigits]), halves to even."""
        if ndigits is None:
            d = self._denominator
            floor, remainder = divmod(self._numerator, d)
            if remainder * 2 < d:
                return floor
            elif remainder * 2 > d:
                return floor + 1
            elif floor % 2 == 0:
                return floor
            return floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        return _hash_algorithm(self._numerator, self._denominator)

    def __eq__(a, b):
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if _is_rational(b):
            return a._numerator == b.numerator and a._denominator == b.denominator
        if isinstance(b, numbers.Complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        if _is_rational(other):
            return op(self._numerator * other.denominator,
                      self._denominator * other.numerator)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        return a._richcmp(b, operator.lt)

    def __gt__(a, b):
        return a._richcmp(b, operator.gt)

    def __le__(a, b):
        return a._richcmp(b, operator.le)

    def __ge__(a, b):
        return a._richcmp(b, operator.ge)

    def __bool__(a):
        return bool(a._numerator)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)
