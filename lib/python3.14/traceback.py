"""Extract, format and print exceptions and their tracebacks: gopy's traceback.

The texts are CPython 3.14's (no colour): the same lines, carets and chains the
interpreter prints for an uncaught exception. gopy's traceback entries carry the file,
function, line and caret positions rather than live frames: `tb.tb_frame` is a summary
of the frame (f_code, f_lineno; f_globals and f_locals are empty), and walking the stack
of running frames (extract_stack, print_stack) needs sys._getframe.
"""

import sys

__all__ = ['extract_stack', 'extract_tb', 'format_exception', 'format_exception_only',
           'format_list', 'format_stack', 'format_tb', 'print_exc', 'format_exc',
           'print_exception', 'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException', 'walk_stack', 'walk_tb',
           'print_list']

_RECURSIVE_CUTOFF = 3
_cause_message = ('\nThe above exception was the direct cause of the following exception:\n\n')
_context_message = ('\nDuring handling of the above exception, another exception occurred:\n\n')
_sentinel = object()


# ---- printing lists of frames ----

def print_list(extracted_list, file=None):
    """Print the list of tuples as returned by extract_tb() or extract_stack()."""
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end='')


def format_list(extracted_list):
    """The lines of a list of FrameSummary objects (or 4-tuples), ready to print."""
    return StackSummary.from_list(extracted_list).format()


# ---- tracebacks ----

def print_tb(tb, limit=None, file=None):
    """Print up to 'limit' stack trace entries from the traceback 'tb'."""
    print_list(extract_tb(tb, limit=limit), file=file)


def format_tb(tb, limit=None):
    """A shorthand for 'format_list(extract_tb(tb, limit))'."""
    return extract_tb(tb, limit=limit).format()


def extract_tb(tb, limit=None):
    """The entries of a traceback as a StackSummary of FrameSummary objects."""
    return StackSummary._extract_from_tb(tb, limit=limit)


# ---- exceptions ----

def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError('Both or neither of value and tb must be given')
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError(f'Exception expected for value, {type(exc).__name__} found')
        return None, None
    return value, tb


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True,
                    **kwargs):
    """Print an exception, its traceback and its chain to file (default sys.stderr)."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    te.print(file=file, chain=chain)


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True,
                     **kwargs):
    """The lines print_exception() prints, as a list of strings."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain))


def format_exception_only(exc, /, value=_sentinel, *, show_group=False, **kwargs):
    """The exception's last lines: 'Type: message' and its notes."""
    if value is _sentinel:
        value = exc
    te = TracebackException(type(value), value, None, compact=True)
    return list(te.format_exception_only(show_group=show_group))


def _format_final_exc_line(etype, value, *, insert_final_newline=True):
    valuestr = _safe_string(value, 'exception')
    end_char = '\n' if insert_final_newline else ''
    if value is None or not valuestr:
        return f'{etype}{end_char}'
    return f'{etype}: {valuestr}{end_char}'


def _safe_string(value, what, func=str):
    try:
        return func(value)
    except BaseException:
        return f'<{what} {func.__name__}() failed>'


def print_exc(limit=None, file=None, chain=True):
    """Print the exception being handled (sys.exception()) with its traceback."""
    print_exception(_handled_exception(), limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    """print_exc() as a string."""
    return ''.join(format_exception(_handled_exception(), limit=limit, chain=chain))


def _handled_exception():
    exception = getattr(sys, 'exception', None)
    if exception is not None:
        return exception()
    return sys.exc_info()[1]


def print_last(limit=None, file=None, chain=True):
    """Print the last uncaught exception (sys.last_exc)."""
    if not hasattr(sys, 'last_exc') and not hasattr(sys, 'last_type'):
        raise ValueError('no last exception')
    if hasattr(sys, 'last_exc'):
        print_exception(sys.last_exc, limit=limit, file=file, chain=chain)
    else:
        print_exception(sys.last_type, sys.last_value, sys.last_traceback, limit=limit,
                        file=file, chain=chain)


# ---- the running stack ----

def _current_frame(f):
    if f is not None:
        return f
    getframe = getattr(sys, '_getframe', None)
    if getframe is None:
        return None
    return getframe(2)


def print_stack(f=None, limit=None, file=None):
    """Print a stack trace from its invocation point."""
    print_list(extract_stack(_current_frame(f), limit=limit), file=file)


def format_stack(f=None, limit=None):
    """A shorthand for 'format_list(extract_stack(f, limit))'."""
    return format_list(extract_stack(_current_frame(f), limit=limit))


def extract_stack(f=None, limit=None):
    """The running frames, outermost first, as a StackSummary."""
    f = _current_frame(f)
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def clear_frames(tb):
    """Clear the local variables of the traceback's frames (nothing to clear in gopy)."""
    while tb is not None:
        tb = tb.tb_next


def walk_stack(f):
    """(frame, lineno) for each frame from f outward."""
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def walk_tb(tb):
    """(frame, lineno) for each entry of the traceback, following tb_next."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


# ---- FrameSummary and StackSummary ----

class FrameSummary:
    """One entry of a stack: filename, lineno, name, line (and locals when captured)."""

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno', 'name', '_lines',
                 '_lines_dedented', 'locals', '_code', '_carets')

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None, **kwargs):
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = lineno if end_lineno is None else end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        self._code = kwargs.get('_code')
        self._lines = line
        self._lines_dedented = None
        self._carets = kwargs.get('_carets', '')
        if lookup_line:
            self.line
        self.locals = {k: _safe_string(v, 'local', func=repr)
                       for k, v in locals.items()} if locals else None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno and
                    self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return '<FrameSummary file {filename}, line {lineno} in {name}>'.format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    def _set_lines(self):
        if self._lines is None and self.lineno is not None:
            self._lines = _source_line(self.filename, self.lineno)

    @property
    def _original_lines(self):
        self._set_lines()
        return self._lines

    @property
    def line(self):
        self._set_lines()
        if self._lines is None:
            return None
        return self._lines.strip()


_line_cache = {}


def _source_line(filename, lineno):
    """Line lineno of a source file ('' when it cannot be read)."""
    try:
        import linecache
    except ImportError:
        linecache = None
    if linecache is not None:
        return linecache.getline(filename, lineno)
    if filename.startswith('<') and filename.endswith('>'):
        return ''
    lines = _line_cache.get(filename)
    if lines is None:
        try:
            with open(filename, encoding='utf-8', errors='replace') as f:
                lines = f.read().splitlines()
        except (OSError, UnicodeError, ValueError):
            lines = []
        _line_cache[filename] = lines
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1] + '\n'
    return ''


def _entry_line(tb):
    """The source line of a traceback entry, as the interpreter reads it."""
    line = getattr(tb, '_gopy_line', None)
    if line is None:
        return None
    return line


class StackSummary(list):
    """A list of FrameSummary objects, representing a stack of frames."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        """A StackSummary of (frame, lineno) pairs, at most limit of them."""
        def extended():
            for f, lineno in frame_gen:
                yield f, (lineno, None, None, None)
        return klass._extract_from_extended_frame_gen(
            extended(), limit=limit, lookup_lines=lookup_lines, capture_locals=capture_locals)

    @classmethod
    def _extract_from_extended_frame_gen(klass, frame_gen, *, limit=None, lookup_lines=True,
                                         capture_locals=False):
        if limit is None:
            limit = getattr(sys, 'tracebacklimit', None)
            if limit is not None and limit < 0:
                limit = 0
        entries = list(frame_gen)
        if limit is not None:
            entries = entries[:limit] if limit >= 0 else entries[limit:]
        result = klass()
        for f, (lineno, end_lineno, colno, end_colno) in entries:
            code = f.f_code
            f_locals = f.f_locals if capture_locals else None
            result.append(FrameSummary(code.co_filename, lineno, code.co_name,
                                       lookup_line=False, locals=f_locals,
                                       end_lineno=end_lineno, colno=colno,
                                       end_colno=end_colno))
        if lookup_lines:
            for f in result:
                f.line
        return result

    @classmethod
    def _extract_from_tb(klass, tb, *, limit=None, capture_locals=False):
        entries = []
        while tb is not None:
            entries.append(tb)
            tb = tb.tb_next
        if limit is None:
            limit = getattr(sys, 'tracebacklimit', None)
            if limit is not None and limit < 0:
                limit = 0
        if limit is not None:
            entries = entries[:limit] if limit >= 0 else entries[limit:]
        result = klass()
        for entry in entries:
            frame = entry.tb_frame
            result.append(FrameSummary(
                frame.f_code.co_filename, entry.tb_lineno, frame.f_code.co_name,
                lookup_line=False, line=_entry_line(entry),
                locals=frame.f_locals if capture_locals else None,
                _carets=getattr(entry, '_gopy_carets', '')))
        return result

    @classmethod
    def from_list(klass, a_list):
        """A StackSummary from FrameSummary objects or (filename, lineno, name, line)."""
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary, **kwargs):
        """The lines printed for one entry: where, the source line and its carets."""
        row = ['  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name)]
        line = frame_summary.line
        if line:
            row.append('    {}\n'.format(line))
            carets = getattr(frame_summary, '_carets', '')
            if carets:
                row.append('    {}\n'.format(carets))
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append('    {name} = {value}\n'.format(name=name, value=value))
        return ''.join(row)

    def format(self, **kwargs):
        """The formatted entries; runs of more than three identical entries collapse."""
        result = []
        last_file = last_line = last_name = None
        count = 0
        for frame_summary in self:
            formatted = self.format_frame_summary(frame_summary)
            if formatted is None:
                continue
            if (last_file is None or last_file != frame_summary.filename or
                    last_line is None or last_line != frame_summary.lineno or
                    last_name is None or last_name != frame_summary.name):
                if count > _RECURSIVE_CUTOFF:
                    count -= _RECURSIVE_CUTOFF
                    result.append(f'  [Previous line repeated {count} more '
                                  f'time{"s" if count > 1 else ""}]\n')
                last_file = frame_summary.filename
                last_line = frame_summary.lineno
                last_name = frame_summary.name
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(formatted)
        if count > _RECURSIVE_CUTOFF:
            count -= _RECURSIVE_CUTOFF
            result.append(f'  [Previous line repeated {count} more '
                          f'time{"s" if count > 1 else ""}]\n')
        return result


# ---- TracebackException ----

class _ExceptionPrintContext:
    def __init__(self):
        self.seen = set()
        self.exception_group_depth = 0
        self.need_close = False

    def indent(self):
        return ' ' * (2 * self.exception_group_depth)

    def emit(self, text_gen, margin_char=None):
        if margin_char is None:
            margin_char = '|'
        indent_str = self.indent()
        if self.exception_group_depth:
            indent_str += margin_char + ' '
        if isinstance(text_gen, str):
            yield _indent_lines(text_gen, indent_str)
        else:
            for text in text_gen:
                yield _indent_lines(text, indent_str)


def _indent_lines(text, prefix):
    if not prefix:
        return text
    return ''.join(prefix + line for line in text.splitlines(True))


def _type_display_name(exc_type):
    stype = exc_type.__qualname__
    smod = exc_type.__module__
    if smod not in ('__main__', 'builtins'):
        if not isinstance(smod, str):
            smod = '<unknown>'
        stype = smod + '.' + stype
    return stype


def _suggestion_of(exc_value):
    if exc_value is None or exc_value.__traceback__ is None:
        suggest = None
    else:
        suggest = getattr(type(exc_value.__traceback__), '_gopy_suggestion', None)
    if suggest is None:
        return ''
    try:
        return suggest(exc_value)
    except Exception:
        return ''


class TracebackException:
    """An exception ready for rendering: its type name, text, stack and chain."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True,
                 capture_locals=False, compact=False, max_group_width=15, max_group_depth=10,
                 save_exc_type=True, _seen=None):
        is_recursive_call = _seen is not None
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.stack = StackSummary._extract_from_tb(exc_traceback, limit=limit,
                                                   capture_locals=capture_locals)
        self._exc_type = exc_type if save_exc_type else None
        self.exc_type_str = _type_display_name(exc_type) if exc_type is not None else None
        self.max_group_width = max_group_width
        self.max_group_depth = max_group_depth
        self._str = _safe_string(exc_value, 'exception')
        try:
            self.__notes__ = getattr(exc_value, '__notes__', None)
        except Exception as e:
            self.__notes__ = [f'Ignored error getting __notes__: {_safe_string(e, "__notes__", repr)}']
        self._is_syntax_error = False
        if exc_type and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            end_lno = exc_value.end_lineno
            self.end_lineno = str(end_lno) if end_lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = exc_value.end_offset
            self.msg = exc_value.msg
            self._is_syntax_error = True
        elif exc_value is not None and self._str is not None:
            self._str += _suggestion_of(exc_value)
        if lookup_lines:
            self._load_lines()
        self.__suppress_context__ = (exc_value.__suppress_context__
                                     if exc_value is not None else False)
        self.__cause__ = None
        self.__context__ = None
        self.exceptions = None
        if exc_value is None:
            return
        kwargs = dict(limit=limit, lookup_lines=lookup_lines, capture_locals=capture_locals,
                      max_group_width=max_group_width, max_group_depth=max_group_depth,
                      _seen=_seen)
        cause = exc_value.__cause__
        if cause is not None and id(cause) not in _seen:
            self.__cause__ = TracebackException(type(cause), cause, cause.__traceback__,
                                                **kwargs)
        context = exc_value.__context__
        if context is not None and id(context) not in _seen and not (
                compact and self.__cause__ is not None) and not (
                compact and self.__suppress_context__):
            self.__context__ = TracebackException(type(context), context,
                                                  context.__traceback__, **kwargs)
        if isinstance(exc_value, BaseExceptionGroup):
            self.exceptions = [TracebackException(type(e), e, e.__traceback__, **kwargs)
                               for e in exc_value.exceptions]

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        """A TracebackException of an exception."""
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    @property
    def exc_type(self):
        import warnings
        warnings.warn('Deprecated in 3.13. Use exc_type_str instead.', DeprecationWarning,
                      stacklevel=2)
        return self._exc_type

    def _load_lines(self):
        for frame in self.stack:
            frame.line

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self, *, show_group=False, _depth=0, **kwargs):
        """The 'Type: message' line (SyntaxError: its location first) and the notes."""
        indent = 3 * _depth * ' '
        if not self._is_syntax_error:
            if _depth > 0:
                yield indent + _format_final_exc_line(self.exc_type_str, self._str)
            else:
                yield _format_final_exc_line(self.exc_type_str, self._str)
        else:
            yield from [indent + line for line in self._format_syntax_error(self.exc_type_str)]
        if isinstance(self.__notes__, (list, tuple)):
            for note in self.__notes__:
                note = _safe_string(note, 'note')
                yield from [indent + line + '\n' for line in note.split('\n')]
        elif self.__notes__ is not None:
            yield indent + '{}\n'.format(_safe_string(self.__notes__, '__notes__', func=repr))
        if self.exceptions and show_group:
            for ex in self.exceptions:
                yield from ex.format_exception_only(show_group=show_group, _depth=_depth + 1)

    def _format_syntax_error(self, stype):
        filename_suffix = ''
        if self.lineno is not None:
            yield '  File "{}", line {}\n'.format(self.filename or '<string>', self.lineno)
        elif self.filename is not None:
            filename_suffix = ' ({})'.format(self.filename)
        text = self.text
        if isinstance(text, str):
            rtext = text.rstrip('\n')
            ltext = rtext.lstrip(' \n\f')
            spaces = len(rtext) - len(ltext)
            if ltext:
                yield '    {}\n'.format(ltext)
                if self.offset is not None:
                    offset = self.offset
                    end_offset = self.end_offset if self.end_offset not in {None, 0} \
                        else offset
                    if self.text and offset > len(self.text):
                        offset = len(rtext) + 1
                    if self.text and end_offset > len(self.text):
                        end_offset = len(rtext) + 1
                    if offset >= end_offset or end_offset < 0:
                        end_offset = offset + 1
                    colno = offset - 1 - spaces
                    end_colno = end_offset - 1 - spaces
                    if colno >= 0:
                        caret_space = ltext[:colno].replace('\t', ' ')
                        caret_space = ''.join(c if c.isspace() else ' ' for c in caret_space)
                        yield '    {}{}\n'.format(caret_space, '^' * (end_colno - colno))
        msg = self.msg or '<no detail available>'
        yield '{}: {}{}\n'.format(stype, msg, filename_suffix)

    def format(self, *, chain=True, _ctx=None, **kwargs):
        """The lines of the whole report: chained exceptions first, groups as trees."""
        if _ctx is None:
            _ctx = _ExceptionPrintContext()
        output = []
        exc = self
        if chain:
            while exc:
                if exc.__cause__ is not None:
                    chained_msg, chained_exc = _cause_message, exc.__cause__
                elif exc.__context__ is not None and not exc.__suppress_context__:
                    chained_msg, chained_exc = _context_message, exc.__context__
                else:
                    chained_msg = chained_exc = None
                output.append((chained_msg, exc))
                exc = chained_exc
        else:
            output.append((None, exc))
        for msg, exc in reversed(output):
            if msg is not None:
                yield from _ctx.emit(msg)
            if exc.exceptions is None:
                if exc.stack:
                    yield from _ctx.emit('Traceback (most recent call last):\n')
                    yield from _ctx.emit(exc.stack.format())
                yield from _ctx.emit(exc.format_exception_only())
            elif _ctx.exception_group_depth > self.max_group_depth:
                yield from _ctx.emit(f'... (max_group_depth is {self.max_group_depth})\n')
            else:
                yield from exc._format_group(chain, _ctx)

    def _format_group(self, chain, _ctx):
        is_toplevel = _ctx.exception_group_depth == 0
        if is_toplevel:
            _ctx.exception_group_depth += 1
        if self.stack:
            yield from _ctx.emit('Exception Group Traceback (most recent call last):\n',
                                 margin_char='+' if is_toplevel else None)
            yield from _ctx.emit(self.stack.format())
        yield from _ctx.emit(self.format_exception_only())
        num_excs = len(self.exceptions)
        n = num_excs if num_excs <= self.max_group_width else self.max_group_width + 1
        _ctx.need_close = False
        for i in range(n):
            last_exc = i == n - 1
            if last_exc:
                _ctx.need_close = True
            truncated = i >= self.max_group_width
            title = f'{i + 1}' if not truncated else '...'
            yield (_ctx.indent() + ('+-' if i == 0 else '  ') +
                   f'+---------------- {title} ----------------\n')
            _ctx.exception_group_depth += 1
            if not truncated:
                yield from self.exceptions[i].format(chain=chain, _ctx=_ctx)
            else:
                remaining = num_excs - self.max_group_width
                plural = 's' if remaining > 1 else ''
                yield from _ctx.emit(f'and {remaining} more exception{plural}\n')
            if last_exc and _ctx.need_close:
                yield _ctx.indent() + '+------------------------------------\n'
                _ctx.need_close = False
            _ctx.exception_group_depth -= 1
        if is_toplevel:
            _ctx.exception_group_depth = 0

    def print(self, *, file=None, chain=True, **kwargs):
        """Print the report to file (default sys.stderr)."""
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end='')
