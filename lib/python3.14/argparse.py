"""Command-line parsing: gopy's argparse, with CPython 3.14's behaviour and texts.

Help output is plain text (no colour). The width comes from shutil.get_terminal_size when
shutil is present, else from $COLUMNS, else 80 columns; two are kept as margin.
"""

import sys as _sys

__all__ = [
    'ArgumentParser', 'ArgumentError', 'ArgumentTypeError', 'BooleanOptionalAction',
    'FileType', 'HelpFormatter', 'ArgumentDefaultsHelpFormatter',
    'RawDescriptionHelpFormatter', 'RawTextHelpFormatter', 'MetavarTypeHelpFormatter',
    'Namespace', 'Action', 'ONE_OR_MORE', 'OPTIONAL', 'PARSER', 'REMAINDER', 'SUPPRESS',
    'ZERO_OR_MORE',
]

SUPPRESS = '==SUPPRESS=='
OPTIONAL = '?'
ZERO_OR_MORE = '*'
ONE_OR_MORE = '+'
PARSER = 'A...'
REMAINDER = '...'
_UNRECOGNIZED_ARGS_ATTR = '_unrecognized_args'

_ASCII_SPACE = ' \t\n\r\f\v'


def _collapse_space(text):
    """Every run of ASCII white space becomes one blank; the ends are trimmed."""
    words = []
    word = []
    for ch in text:
        if ch in _ASCII_SPACE:
            if word:
                words.append(''.join(word))
                word = []
        else:
            word.append(ch)
    if word:
        words.append(''.join(word))
    return ' '.join(words)


def _wrap(text, width):
    """Lines of at most width columns, as textwrap.wrap makes them."""
    try:
        import textwrap
    except ImportError:
        textwrap = None
    if textwrap is not None:
        return textwrap.wrap(text, width)
    lines = []
    line = ''
    for word in text.split(' '):
        while len(word) > width:
            if line:
                lines.append(line)
                line = ''
            lines.append(word[:width])
            word = word[width:]
        if not word:
            continue
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = line + ' ' + word if line else word
    if line:
        lines.append(line)
    return lines


def _terminal_columns():
    try:
        import shutil
        return shutil.get_terminal_size().columns
    except (ImportError, AttributeError):
        pass
    try:
        import os
        value = os.environ.get('COLUMNS', '')
        if value.isdigit() and int(value) > 0:
            return int(value)
    except (ImportError, AttributeError):
        pass
    return 80


def _looks_negative(s):
    # CPython: argparse's _negative_number_matcher, '-\.?\d' matched at the start
    if len(s) < 2 or s[0] != '-':
        return False
    rest = s[1:]
    if rest[0] == '.':
        rest = rest[1:]
    return bool(rest) and rest[0].isdigit()


def _identity(value):
    return value


class _AttributeHolder(object):
    """A repr listing the positional and keyword arguments that made the object."""

    def __repr__(self):
        parts = [repr(arg) for arg in self._get_args()]
        odd = {}
        for name, value in self._get_kwargs():
            if name.isidentifier():
                parts.append('%s=%r' % (name, value))
            else:
                odd[name] = value
        if odd:
            parts.append('**%r' % (odd,))
        return '%s(%s)' % (type(self).__name__, ', '.join(parts))

    def _get_kwargs(self):
        return list(self.__dict__.items())

    def _get_args(self):
        return []


def _copy_items(items):
    if items is None:
        return []
    if type(items) is list:
        return items[:]
    import copy
    return copy.copy(items)


# ===============
# Help formatting
# ===============

class HelpFormatter(object):
    """Builds usage and help texts. Only the class name is public API."""

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None,
                 color=True):
        if width is None:
            width = _terminal_columns() - 2
        self._prog = prog
        self._indent_increment = indent_increment
        self._max_help_position = min(max_help_position,
                                      max(width - 20, indent_increment * 2))
        self._width = width
        self._current_indent = 0
        self._level = 0
        self._action_max_length = 0
        self._root_section = self._Section(self, None)
        self._current_section = self._root_section

    def _set_color(self, color):
        # Help goes out without colour; 3.14 colours only on a terminal.
        self._color = False

    def _indent(self):
        self._current_indent += self._indent_increment
        self._level += 1

    def _dedent(self):
        self._current_indent -= self._indent_increment
        self._level -= 1

    class _Section(object):

        def __init__(self, formatter, parent, heading=None):
            self.formatter = formatter
            self.parent = parent
            self.heading = heading
            self.items = []

        def format_help(self):
            fmt = self.formatter
            if self.parent is not None:
                fmt._indent()
            body = fmt._join_parts([func(*args) for func, args in self.items])
            if self.parent is not None:
                fmt._dedent()
            if not body:
                return ''
            heading = ''
            if self.heading is not SUPPRESS and self.heading is not None:
                heading = ' ' * fmt._current_indent + '%s:' % (self.heading,) + '\n'
            return fmt._join_parts(['\n', heading, body, '\n'])

    def _add_item(self, func, args):
        self._current_section.items.append((func, args))

    def start_section(self, heading):
        self._indent()
        section = self._Section(self, self._current_section, heading)
        self._add_item(section.format_help, [])
        self._current_section = section

    def end_section(self):
        self._current_section = self._current_section.parent
        self._dedent()

    def add_text(self, text):
        if text is not SUPPRESS and text is not None:
            self._add_item(self._format_text, [text])

    def add_usage(self, usage, actions, groups, prefix=None):
        if usage is not SUPPRESS:
            self._add_item(self._format_usage, [usage, actions, groups, prefix])

    def add_argument(self, action):
        if action.help is SUPPRESS:
            return
        longest = len(self._format_action_invocation(action)) + self._current_indent
        for sub in self._iter_indented_subactions(action):
            longest = max(longest,
                          len(self._format_action_invocation(sub)) + self._current_indent)
        self._action_max_length = max(self._action_max_length, longest)
        self._add_item(self._format_action, [action])

    def add_arguments(self, actions):
        for action in actions:
            self.add_argument(action)

    def format_help(self):
        text = self._root_section.format_help()
        if text:
            while '\n\n\n' in text:
                text = text.replace('\n\n\n', '\n\n')
            text = text.strip('\n') + '\n'
        return text

    def _join_parts(self, parts):
        return ''.join([p for p in parts if p and p is not SUPPRESS])

    # CPython: Lib/argparse.py HelpFormatter._format_usage (the wrapping rules)
    def _format_usage(self, usage, actions, groups, prefix):
        if prefix is None:
            prefix = 'usage: '
        if usage is not None:
            usage = usage % dict(prog=self._prog)
        elif not actions:
            usage = '%(prog)s' % dict(prog=self._prog)
        else:
            prog = '%(prog)s' % dict(prog=self._prog)
            parts, pos_start = self._get_actions_usage_parts(actions, groups)
            usage = ' '.join([s for s in [prog] + parts if s])
            text_width = self._width - self._current_indent
            if len(prefix) + len(usage) > text_width:
                opt_parts = parts[:pos_start]
                pos_parts = parts[pos_start:]

                def get_lines(items, indent, first_prefix=None):
                    lines = []
                    line = []
                    if first_prefix is not None:
                        used = len(first_prefix) - 1
                    else:
                        used = len(indent) - 1
                    for item in items:
                        if line and used + 1 + len(item) > text_width:
                            lines.append(indent + ' '.join(line))
                            line = []
                            used = len(indent) - 1
                        line.append(item)
                        used += len(item) + 1
                    if line:
                        lines.append(indent + ' '.join(line))
                    if first_prefix is not None:
                        lines[0] = lines[0][len(indent):]
                    return lines

                if len(prefix) + len(prog) <= 0.75 * text_width:
                    indent = ' ' * (len(prefix) + len(prog) + 1)
                    if opt_parts:
                        lines = get_lines([prog] + opt_parts, indent, prefix)
                        lines.extend(get_lines(pos_parts, indent))
                    elif pos_parts:
                        lines = get_lines([prog] + pos_parts, indent, prefix)
                    else:
                        lines = [prog]
                else:
                    indent = ' ' * len(prefix)
                    lines = get_lines(opt_parts + pos_parts, indent)
                    if len(lines) > 1:
                        lines = get_lines(opt_parts, indent) + get_lines(pos_parts, indent)
                    lines = [prog] + lines
                usage = '\n'.join(lines)
        return '%s%s\n\n' % (prefix, usage)

    def _is_long_option(self, string):
        return len(string) > 2

    # CPython: Lib/argparse.py HelpFormatter._get_actions_usage_parts
    def _get_actions_usage_parts(self, actions, groups):
        actions = [a for a in actions if a.help is not SUPPRESS]
        group_of = dict.fromkeys(actions)
        for group in groups:
            for a in group._group_actions:
                if a in group_of:
                    group_of[a] = group

        def members_with(group, first, before):
            # the group's optionals not yet placed, around the action that placed it
            others = []
            for other in group._group_actions:
                if other.option_strings and group_of.pop(other, None):
                    others.append(other)
            return others + [first] if before else [first] + others

        positionals = []
        for a in actions:
            if not a.option_strings:
                group = group_of.pop(a)
                if group:
                    positionals.append((group.required, members_with(group, a, True)))
                else:
                    positionals.append((None, [a]))
        optionals = []
        for a in actions:
            if a.option_strings and a in group_of:
                group = group_of.pop(a)
                if group:
                    optionals.append((group.required, members_with(group, a, False)))
                else:
                    optionals.append((None, [a]))

        parts = []
        pos_start = None
        entries = optionals + positionals
        for index, (required, members) in enumerate(entries):
            start = len(parts)
            if index == len(optionals):
                pos_start = start
            in_group = len(members) > 1
            for a in members:
                if not a.option_strings:
                    part = self._format_args(a, self._get_default_metavar_for_positional(a))
                    if in_group and part[:1] == '[' and part[-1:] == ']':
                        part = part[1:-1]
                else:
                    if a.nargs == 0:
                        part = a.format_usage()
                    else:
                        metavar = self._get_default_metavar_for_optional(a)
                        part = '%s %s' % (a.option_strings[0], self._format_args(a, metavar))
                    if not (a.required or required or in_group):
                        part = '[%s]' % part
                parts.append(part)
            if in_group:
                parts[start] = ('(' if required else '[') + parts[start]
                for i in range(start, len(parts) - 1):
                    parts[i] += ' |'
                parts[-1] += ')' if required else ']'
        if pos_start is None:
            pos_start = len(parts)
        return parts, pos_start

    def _format_text(self, text):
        if '%(prog)' in text:
            text = text % dict(prog=self._prog)
        width = max(self._width - self._current_indent, 11)
        indent = ' ' * self._current_indent
        return self._fill_text(text, width, indent) + '\n\n'

    # CPython: Lib/argparse.py HelpFormatter._format_action
    def _format_action(self, action):
        help_position = min(self._action_max_length + 2, self._max_help_position)
        help_width = max(self._width - help_position, 11)
        action_width = help_position - self._current_indent - 2
        header = self._format_action_invocation(action)
        pad = ' ' * self._current_indent
        indent_first = 0
        if not action.help:
            header = pad + header + '\n'
        elif len(header) <= action_width:
            header = pad + header.ljust(action_width) + '  '
        else:
            header = pad + header + '\n'
            indent_first = help_position
        parts = [header]
        if action.help and action.help.strip():
            help_text = self._expand_help(action)
            if help_text:
                lines = self._split_lines(help_text, help_width)
                if lines:
                    parts.append(' ' * indent_first + lines[0] + '\n')
                    for line in lines[1:]:
                        parts.append(' ' * help_position + line + '\n')
                elif not header.endswith('\n'):
                    parts.append('\n')
        elif not header.endswith('\n'):
            parts.append('\n')
        for sub in self._iter_indented_subactions(action):
            parts.append(self._format_action(sub))
        return self._join_parts(parts)

    def _format_action_invocation(self, action):
        if not action.option_strings:
            metavar = self._get_default_metavar_for_positional(action)
            return ' '.join(self._metavar_formatter(action, metavar)(1))
        if action.nargs == 0:
            return ', '.join(action.option_strings)
        metavar = self._get_default_metavar_for_optional(action)
        return ', '.join(action.option_strings) + ' ' + self._format_args(action, metavar)

    def _metavar_formatter(self, action, default_metavar):
        if action.metavar is not None:
            result = action.metavar
        elif action.choices is not None:
            result = '{%s}' % ','.join(map(str, action.choices))
        else:
            result = default_metavar

        def format(tuple_size):
            if isinstance(result, tuple):
                return result
            return (result,) * tuple_size
        return format

    def _format_args(self, action, default_metavar):
        get_metavar = self._metavar_formatter(action, default_metavar)
        nargs = action.nargs
        if nargs is None:
            return '%s' % get_metavar(1)
        if nargs == OPTIONAL:
            return '[%s]' % get_metavar(1)
        if nargs == ZERO_OR_MORE:
            metavar = get_metavar(1)
            if len(metavar) == 2:
                return '[%s [%s ...]]' % metavar
            return '[%s ...]' % metavar
        if nargs == ONE_OR_MORE:
            return '%s [%s ...]' % get_metavar(2)
        if nargs == REMAINDER:
            return '...'
        if nargs == PARSER:
            return '%s ...' % get_metavar(1)
        if nargs == SUPPRESS:
            return ''
        try:
            formats = ['%s' for _ in range(nargs)]
        except TypeError:
            raise ValueError("invalid nargs value") from None
        return ' '.join(formats) % get_metavar(nargs)

    def _expand_help(self, action):
        help_string = self._get_help_string(action)
        if '%' not in help_string:
            return help_string
        params = dict(vars(action), prog=self._prog)
        for name in list(params):
            value = params[name]
            if value is SUPPRESS:
                del params[name]
            elif hasattr(value, '__name__'):
                params[name] = value.__name__
        if params.get('choices') is not None:
            params['choices'] = ', '.join(map(str, params['choices']))
        return help_string % params

    def _iter_indented_subactions(self, action):
        get_subactions = getattr(action, '_get_subactions', None)
        if get_subactions is not None:
            self._indent()
            yield from get_subactions()
            self._dedent()

    def _split_lines(self, text, width):
        return _wrap(_collapse_space(text), width)

    def _fill_text(self, text, width, indent):
        lines = _wrap(_collapse_space(text), max(width - len(indent), 1))
        return '\n'.join(indent + line for line in lines)

    def _get_help_string(self, action):
        return action.help

    def _get_default_metavar_for_optional(self, action):
        return action.dest.upper()

    def _get_default_metavar_for_positional(self, action):
        return action.dest


class RawDescriptionHelpFormatter(HelpFormatter):
    """Keeps the description's and epilog's own line breaks."""

    def _fill_text(self, text, width, indent):
        return ''.join(indent + line for line in text.splitlines(keepends=True))


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    """Keeps the line breaks of every help text."""

    def _split_lines(self, text, width):
        return text.splitlines()


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    """Adds each argument's default to its help."""

    def _get_help_string(self, action):
        text = action.help
        if text is None:
            text = ''
        if ('%(default)' not in text and action.default is not SUPPRESS
                and not action.required):
            if action.option_strings or action.nargs in (OPTIONAL, ZERO_OR_MORE):
                text += ' (default: %(default)s)'
        return text


class MetavarTypeHelpFormatter(HelpFormatter):
    """Names each argument's value after its type."""

    def _get_default_metavar_for_optional(self, action):
        return action.type.__name__

    def _get_default_metavar_for_positional(self, action):
        return action.type.__name__


# =====================
# Options and arguments
# =====================

def _get_action_name(argument):
    if argument is None:
        return None
    if argument.option_strings:
        return '/'.join(argument.option_strings)
    if argument.metavar not in (None, SUPPRESS):
        metavar = argument.metavar
        if not isinstance(metavar, tuple):
            return metavar
        if argument.nargs == ZERO_OR_MORE and len(metavar) == 2:
            return '%s[, %s]' % metavar
        if argument.nargs == ONE_OR_MORE:
            return '%s[, %s]' % metavar
        return ', '.join(metavar)
    if argument.dest not in (None, SUPPRESS):
        return argument.dest
    if argument.choices:
        return '{%s}' % ','.join(map(str, argument.choices))
    return None


class ArgumentError(Exception):
    """An error from creating or using an argument (optional or positional)."""

    def __init__(self, argument, message):
        self.argument_name = _get_action_name(argument)
        self.message = message

    def __str__(self):
        if self.argument_name is None:
            return '%s' % (self.message,)
        return 'argument %s: %s' % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    """An error from trying to convert a command line string to a type."""
    pass


class Action(_AttributeHolder):
    """How one argument's strings become values in the namespace."""

    def __init__(self, option_strings, dest, nargs=None, const=None, default=None,
                 type=None, choices=None, required=False, help=None, metavar=None,
                 deprecated=False):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar
        self.deprecated = deprecated

    def _get_kwargs(self):
        names = ['option_strings', 'dest', 'nargs', 'const', 'default', 'type', 'choices',
                 'required', 'help', 'metavar', 'deprecated']
        return [(name, getattr(self, name)) for name in names]

    def format_usage(self):
        return self.option_strings[0]

    def __call__(self, parser, namespace, values, option_string=None):
        raise NotImplementedError('.__call__() not defined')


class BooleanOptionalAction(Action):

    def __init__(self, option_strings, dest, default=None, required=False, help=None,
                 deprecated=False):
        strings = []
        for option_string in option_strings:
            strings.append(option_string)
            if option_string.startswith('--'):
                if option_string.startswith('--no-'):
                    raise ValueError(f'invalid option name {option_string!r} '
                                     f'for BooleanOptionalAction')
                strings.append('--no-' + option_string[2:])
        super().__init__(option_strings=strings, dest=dest, nargs=0, default=default,
                         required=required, help=help, deprecated=deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        if option_string in self.option_strings:
            setattr(namespace, self.dest, not option_string.startswith('--no-'))

    def format_usage(self):
        return ' | '.join(self.option_strings)


class _StoreAction(Action):

    def __init__(self, option_strings, dest, nargs=None, const=None, default=None,
                 type=None, choices=None, required=False, help=None, metavar=None,
                 deprecated=False):
        if nargs == 0:
            raise ValueError('nargs for store actions must be != 0; if you '
                             'have nothing to store, actions such as store '
                             'true or store const may be more appropriate')
        if const is not None and nargs != OPTIONAL:
            raise ValueError('nargs must be %r to supply const' % OPTIONAL)
        super().__init__(option_strings=option_strings, dest=dest, nargs=nargs,
                         const=const, default=default, type=type, choices=choices,
                         required=required, help=help, metavar=metavar,
                         deprecated=deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values)


class _StoreConstAction(Action):

    def __init__(self, option_strings, dest, const=None, default=None, required=False,
                 help=None, metavar=None, deprecated=False):
        super().__init__(option_strings=option_strings, dest=dest, nargs=0, const=const,
                         default=default, required=required, help=help,
                         deprecated=deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, self.const)


class _StoreTrueAction(_StoreConstAction):

    def __init__(self, option_strings, dest, default=False, required=False, help=None,
                 deprecated=False):
        super().__init__(option_strings=option_strings, dest=dest, const=True,
                         default=default, required=required, help=help,
                         deprecated=deprecated)


class _StoreFalseAction(_StoreConstAction):

    def __init__(self, option_strings, dest, default=True, required=False, help=None,
                 deprecated=False):
        super().__init__(option_strings=option_strings, dest=dest, const=False,
                         default=default, required=required, help=help,
                         deprecated=deprecated)


class _AppendAction(Action):

    def __init__(self, option_strings, dest, nargs=None, const=None, default=None,
                 type=None, choices=None, required=False, help=None, metavar=None,
                 deprecated=False):
        if nargs == 0:
            raise ValueError('nargs for append actions must be != 0; if arg '
                             'strings are not supplying the value to append, '
                             'the append const action may be more appropriate')
        if const is not None and nargs != OPTIONAL:
            raise ValueError('nargs must be %r to supply const' % OPTIONAL)
        super().__init__(option_strings=option_strings, dest=dest, nargs=nargs,
                         const=const, default=default, type=type, choices=choices,
                         required=required, help=help, metavar=metavar,
                         deprecated=deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        items = _copy_items(getattr(namespace, self.dest, None))
        items.append(values)
        setattr(namespace, self.dest, items)


class _AppendConstAction(Action):

    def __init__(self, option_strings, dest, const=None, default=None, required=False,
                 help=None, metavar=None, deprecated=False):
        super().__init__(option_strings=option_strings, dest=dest, nargs=0, const=const,
                         default=default, required=required, help=help, metavar=metavar,
                         deprecated=deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        items = _copy_items(getattr(namespace, self.dest, None))
        items.append(self.const)
        setattr(namespace, self.dest, items)


class _CountAction(Action):

    def __init__(self, option_strings, dest, default=None, required=False, help=None,
                 deprecated=False):
        super().__init__(option_strings=option_strings, dest=dest, nargs=0,
                         default=default, required=required, help=help,
                         deprecated=deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        count = getattr(namespace, self.dest, None)
        if count is None:
            count = 0
        setattr(namespace, self.dest, count + 1)


class _HelpAction(Action):

    def __init__(self, option_strings, dest=SUPPRESS, default=SUPPRESS, help=None,
                 deprecated=False):
        super().__init__(option_strings=option_strings, dest=dest, default=default,
                         nargs=0, help=help, deprecated=deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        parser.print_help()
        parser.exit()


class _VersionAction(Action):

    def __init__(self, option_strings, version=None, dest=SUPPRESS, default=SUPPRESS,
                 help=None, deprecated=False):
        if help is None:
            help = "show program's version number and exit"
        super().__init__(option_strings=option_strings, dest=dest, default=default,
                         nargs=0, help=help)
        self.version = version

    def __call__(self, parser, namespace, values, option_string=None):
        version = self.version
        if version is None:
            version = parser.version
        formatter = parser._get_formatter()
        formatter.add_text(version)
        parser._print_message(formatter.format_help(), _sys.stdout)
        parser.exit()


class _SubParsersAction(Action):

    class _ChoicesPseudoAction(Action):

        def __init__(self, name, aliases, help):
            metavar = dest = name
            if aliases:
                metavar += ' (%s)' % ', '.join(aliases)
            Action.__init__(self, option_strings=[], dest=dest, help=help,
                            metavar=metavar)

    def __init__(self, option_strings, prog, parser_class, dest=SUPPRESS, required=False,
                 help=None, metavar=None):
        self._prog_prefix = prog
        self._parser_class = parser_class
        self._name_parser_map = {}
        self._choices_actions = []
        self._deprecated = set()
        self._color = True
        super().__init__(option_strings=option_strings, dest=dest, nargs=PARSER,
                         choices=self._name_parser_map, required=required, help=help,
                         metavar=metavar)

    def add_parser(self, name, *, deprecated=False, **kwargs):
        if kwargs.get('prog') is None:
            kwargs['prog'] = '%s %s' % (self._prog_prefix, name)
        if kwargs.get('color') is None:
            kwargs['color'] = self._color
        aliases = kwargs.pop('aliases', ())
        if name in self._name_parser_map:
            raise ValueError(f'conflicting subparser: {name}')
        for alias in aliases:
            if alias in self._name_parser_map:
                raise ValueError(f'conflicting subparser alias: {alias}')
        choice_action = None
        if 'help' in kwargs:
            choice_action = self._ChoicesPseudoAction(name, aliases, kwargs.pop('help'))
            self._choices_actions.append(choice_action)
        parser = self._parser_class(**kwargs)
        if choice_action is not None:
            parser._check_help(choice_action)
        self._name_parser_map[name] = parser
        for alias in aliases:
            self._name_parser_map[alias] = parser
        if deprecated:
            self._deprecated.add(name)
            self._deprecated.update(aliases)
        return parser

    def _get_subactions(self):
        return self._choices_actions

    def __call__(self, parser, namespace, values, option_string=None):
        parser_name = values[0]
        arg_strings = values[1:]
        if self.dest is not SUPPRESS:
            setattr(namespace, self.dest, parser_name)
        try:
            subparser = self._name_parser_map[parser_name]
        except KeyError:
            msg = 'unknown parser %r (choices: %s)' % (
                parser_name, ', '.join(self._name_parser_map))
            raise ArgumentError(self, msg)
        if parser_name in self._deprecated:
            parser._warning("command '%s' is deprecated" % (parser_name,))
        # The subparser's own defaults win: parse into a fresh namespace, then copy.
        subnamespace, arg_strings = subparser.parse_known_args(arg_strings, None)
        for key, value in vars(subnamespace).items():
            setattr(namespace, key, value)
        if arg_strings:
            if not hasattr(namespace, _UNRECOGNIZED_ARGS_ATTR):
                setattr(namespace, _UNRECOGNIZED_ARGS_ATTR, [])
            getattr(namespace, _UNRECOGNIZED_ARGS_ATTR).extend(arg_strings)


class _ExtendAction(_AppendAction):

    def __call__(self, parser, namespace, values, option_string=None):
        items = _copy_items(getattr(namespace, self.dest, None))
        items.extend(values)
        setattr(namespace, self.dest, items)


class FileType(object):
    """Factory of file objects for the type= of an argument ('-' is stdin/stdout)."""

    def __init__(self, mode='r', bufsize=-1, encoding=None, errors=None):
        self._mode = mode
        self._bufsize = bufsize
        self._encoding = encoding
        self._errors = errors

    def __call__(self, string):
        if string == '-':
            if 'r' in self._mode:
                return _sys.stdin.buffer if 'b' in self._mode else _sys.stdin
            if any(c in self._mode for c in 'wax'):
                return _sys.stdout.buffer if 'b' in self._mode else _sys.stdout
            raise ValueError('argument "-" with mode %r' % self._mode)
        try:
            return open(string, self._mode, self._bufsize, self._encoding, self._errors)
        except OSError as e:
            raise ArgumentTypeError("can't open '%s': %s" % (string, e))

    def __repr__(self):
        args = self._mode, self._bufsize
        kwargs = [('encoding', self._encoding), ('errors', self._errors)]
        text = ', '.join([repr(a) for a in args if a != -1] +
                         ['%s=%r' % (k, v) for k, v in kwargs if v is not None])
        return '%s(%s)' % (type(self).__name__, text)


class Namespace(_AttributeHolder):
    """A plain object holding the parsed attributes."""

    def __init__(self, **kwargs):
        for name in kwargs:
            setattr(self, name, kwargs[name])

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__

    __hash__ = None


# =================================
# The nargs patterns, matched by hand
# =================================
# An argument-string pattern is a str of 'A' (argument), 'O' (option) and '-' ('--').
# Each action's nargs is a list of items: a literal char, ('?', chars) for at most one
# char of chars, or ('*', chars) for any run; matching is greedy with backtracking, as
# CPython's regular expressions over the same strings (Lib/argparse.py _get_nargs_pattern).

def _nargs_items(nargs, optional):
    dash = [] if optional else [('*', '-')]
    anyarg = 'A' if optional else 'A-'
    if nargs is None:
        return dash + ['A'] + dash
    if nargs == OPTIONAL:
        return dash + [('?', 'A')] + dash
    if nargs == ZERO_OR_MORE:
        return dash + [('*', anyarg)]
    if nargs == ONE_OR_MORE:
        return dash + ['A', ('*', anyarg)]
    if nargs == REMAINDER:
        return [('*', 'AO' if optional else 'AO-')]
    if nargs == PARSER:
        return dash + ['A', ('*', 'AO' if optional else 'AO-')]
    if nargs == SUPPRESS:
        return dash + dash
    if optional:
        return ['AO'] * nargs
    items = []
    for _ in range(nargs):
        items += dash + ['A']
    return items + dash


def _match_groups(groups, pattern):
    """Lengths matched by each group at the start of pattern, or None."""
    flat = []
    for index, items in enumerate(groups):
        for item in items:
            flat.append((index, item))
    lengths = [0] * len(groups)

    def step(k, pos):
        if k == len(flat):
            return pos
        index, item = flat[k]
        if isinstance(item, str):
            if pos < len(pattern) and pattern[pos] in item:
                lengths[index] += 1
                end = step(k + 1, pos + 1)
                if end is not None:
                    return end
                lengths[index] -= 1
            return None
        kind, chars = item
        if kind == '?':
            limit = 1
        else:
            limit = len(pattern) - pos
        run = 0
        while run < limit and pos + run < len(pattern) and pattern[pos + run] in chars:
            run += 1
        while run >= 0:
            lengths[index] += run
            end = step(k + 1, pos + run)
            if end is not None:
                return end
            lengths[index] -= run
            run -= 1
        return None

    end = step(0, 0)
    if end is None:
        return None
    return lengths, end


# ===============================
# Containers of actions, and groups
# ===============================

class _ActionsContainer(object):

    def __init__(self, description, prefix_chars, argument_default, conflict_handler):
        super().__init__()
        self.description = description
        self.argument_default = argument_default
        self.prefix_chars = prefix_chars
        self.conflict_handler = conflict_handler
        self._registries = {}
        for name, cls in ((None, _StoreAction), ('store', _StoreAction),
                          ('store_const', _StoreConstAction),
                          ('store_true', _StoreTrueAction),
                          ('store_false', _StoreFalseAction), ('append', _AppendAction),
                          ('append_const', _AppendConstAction), ('count', _CountAction),
                          ('help', _HelpAction), ('version', _VersionAction),
                          ('parsers', _SubParsersAction), ('extend', _ExtendAction)):
            self.register('action', name, cls)
        self._get_handler()
        self._actions = []
        self._option_string_actions = {}
        self._action_groups = []
        self._mutually_exclusive_groups = []
        self._defaults = {}
        self._has_negative_number_optionals = []

    def register(self, registry_name, value, object):
        self._registries.setdefault(registry_name, {})[value] = object

    def _registry_get(self, registry_name, value, default=None):
        return self._registries[registry_name].get(value, default)

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for action in self._actions:
            if action.dest in kwargs:
                action.default = kwargs[action.dest]

    def get_default(self, dest):
        for action in self._actions:
            if action.dest == dest and action.default is not None:
                return action.default
        return self._defaults.get(dest, None)

    def add_argument(self, *args, **kwargs):
        """add_argument(dest, ..., name=value, ...) or
        add_argument(option_string, option_string, ..., name=value, ...)"""
        chars = self.prefix_chars
        if not args or len(args) == 1 and args[0][0] not in chars:
            if args and 'dest' in kwargs:
                raise TypeError('dest supplied twice for positional argument,'
                                ' did you mean metavar?')
            kwargs = self._get_positional_kwargs(*args, **kwargs)
        else:
            kwargs = self._get_optional_kwargs(*args, **kwargs)
        if 'default' not in kwargs:
            dest = kwargs['dest']
            if dest in self._defaults:
                kwargs['default'] = self._defaults[dest]
            elif self.argument_default is not None:
                kwargs['default'] = self.argument_default
        action_name = kwargs.get('action')
        action_class = self._pop_action_class(kwargs)
        if not callable(action_class):
            raise ValueError(f'unknown action {action_class!r}')
        action = action_class(**kwargs)
        if not action.option_strings and action.nargs == 0:
            raise ValueError(f'action {action_name!r} is not valid for positional arguments')
        type_func = self._registry_get('type', action.type, action.type)
        if not callable(type_func):
            raise TypeError(f'{type_func!r} is not callable')
        if type_func is FileType:
            raise TypeError(f'{type_func!r} is a FileType class object, '
                            f'instance of it must be passed')
        if hasattr(self, '_get_validation_formatter'):
            try:
                self._get_validation_formatter()._format_args(action, None)
            except TypeError:
                raise ValueError('length of metavar tuple does not match nargs')
        self._check_help(action)
        return self._add_action(action)

    def add_argument_group(self, *args, **kwargs):
        group = _ArgumentGroup(self, *args, **kwargs)
        self._action_groups.append(group)
        return group

    def add_mutually_exclusive_group(self, **kwargs):
        group = _MutuallyExclusiveGroup(self, **kwargs)
        self._mutually_exclusive_groups.append(group)
        return group

    def _add_action(self, action):
        self._check_conflict(action)
        self._actions.append(action)
        action.container = self
        for option_string in action.option_strings:
            self._option_string_actions[option_string] = action
        for option_string in action.option_strings:
            if _looks_negative(option_string) and not self._has_negative_number_optionals:
                self._has_negative_number_optionals.append(True)
        return action

    def _remove_action(self, action):
        self._actions.remove(action)

    def _add_container_actions(self, container):
        by_title = {}
        for group in self._action_groups:
            if group.title in by_title:
                raise ValueError(f'cannot merge actions - two groups are named '
                                 f'{group.title!r}')
            by_title[group.title] = group
        target = {}
        for group in container._action_groups:
            if group.title not in by_title:
                by_title[group.title] = self.add_argument_group(
                    title=group.title, description=group.description,
                    conflict_handler=group.conflict_handler)
            for action in group._group_actions:
                target[action] = by_title[group.title]
        for group in container._mutually_exclusive_groups:
            if group._container is container:
                owner = self
            else:
                owner = by_title[group._container.title]
            mutex = owner.add_mutually_exclusive_group(required=group.required)
            for action in group._group_actions:
                target[action] = mutex
        for action in container._actions:
            target.get(action, self)._add_action(action)

    def _get_positional_kwargs(self, dest, **kwargs):
        if 'required' in kwargs:
            raise TypeError("'required' is an invalid argument for positionals")
        nargs = kwargs.get('nargs')
        if nargs == 0:
            raise ValueError('nargs for positionals must be != 0')
        if nargs not in [OPTIONAL, ZERO_OR_MORE, REMAINDER, SUPPRESS]:
            kwargs['required'] = True
        return dict(kwargs, dest=dest, option_strings=[])

    def _get_optional_kwargs(self, *args, **kwargs):
        option_strings = []
        long_option_strings = []
        for option_string in args:
            if not option_string[0] in self.prefix_chars:
                raise ValueError(f'invalid option string {option_string!r}: '
                                 f'must start with a character {self.prefix_chars!r}')
            option_strings.append(option_string)
            if len(option_string) > 1 and option_string[1] in self.prefix_chars:
                long_option_strings.append(option_string)
        dest = kwargs.pop('dest', None)
        if dest is None:
            first = long_option_strings[0] if long_option_strings else option_strings[0]
            dest = first.lstrip(self.prefix_chars)
            if not dest:
                raise TypeError(f'dest= is required for options like {option_string!r}')
            dest = dest.replace('-', '_')
        return dict(kwargs, dest=dest, option_strings=option_strings)

    def _pop_action_class(self, kwargs, default=None):
        action = kwargs.pop('action', default)
        return self._registry_get('action', action, action)

    def _get_handler(self):
        handler = getattr(self, '_handle_conflict_%s' % self.conflict_handler, None)
        if handler is None:
            raise ValueError(f'invalid conflict_resolution value: '
                             f'{self.conflict_handler!r}')
        return handler

    def _check_conflict(self, action):
        conflicts = []
        for option_string in action.option_strings:
            if option_string in self._option_string_actions:
                conflicts.append((option_string, self._option_string_actions[option_string]))
        if conflicts:
            self._get_handler()(action, conflicts)

    def _handle_conflict_error(self, action, conflicting_actions):
        if len(conflicting_actions) == 1:
            message = 'conflicting option string: %s'
        else:
            message = 'conflicting option strings: %s'
        names = ', '.join([option_string for option_string, _ in conflicting_actions])
        raise ArgumentError(action, message % names)

    def _handle_conflict_resolve(self, action, conflicting_actions):
        for option_string, other in conflicting_actions:
            other.option_strings.remove(option_string)
            self._option_string_actions.pop(option_string, None)
            if not other.option_strings:
                other.container._remove_action(other)

    def _check_help(self, action):
        if action.help and hasattr(self, '_get_validation_formatter'):
            try:
                self._get_validation_formatter()._expand_help(action)
            except (ValueError, TypeError, KeyError) as exc:
                raise ValueError('badly formed help string') from exc


class _ArgumentGroup(_ActionsContainer):

    def __init__(self, container, title=None, description=None, **kwargs):
        kwargs.setdefault('conflict_handler', container.conflict_handler)
        kwargs.setdefault('prefix_chars', container.prefix_chars)
        kwargs.setdefault('argument_default', container.argument_default)
        super().__init__(description=description, **kwargs)
        self.title = title
        self._group_actions = []
        # a group shares its parser's tables
        self._registries = container._registries
        self._actions = container._actions
        self._option_string_actions = container._option_string_actions
        self._defaults = container._defaults
        self._has_negative_number_optionals = container._has_negative_number_optionals
        self._mutually_exclusive_groups = container._mutually_exclusive_groups

    def _add_action(self, action):
        action = super()._add_action(action)
        self._group_actions.append(action)
        return action

    def _remove_action(self, action):
        super()._remove_action(action)
        self._group_actions.remove(action)

    def add_argument_group(self, *args, **kwargs):
        raise ValueError('argument groups cannot be nested')


class _MutuallyExclusiveGroup(_ArgumentGroup):

    def __init__(self, container, required=False):
        super().__init__(container)
        self.required = required
        self._container = container

    def _add_action(self, action):
        if action.required:
            raise ValueError('mutually exclusive arguments must be optional')
        action = self._container._add_action(action)
        self._group_actions.append(action)
        return action

    def _remove_action(self, action):
        self._container._remove_action(action)
        self._group_actions.remove(action)

    def add_mutually_exclusive_group(self, **kwargs):
        raise ValueError('mutually exclusive groups cannot be nested')


def _basename(path):
    return path.rpartition('/')[2]


def _prog_name(prog=None):
    if prog is not None:
        return prog
    arg0 = _sys.argv[0] if _sys.argv else ''
    main = _sys.modules.get('__main__')
    spec = getattr(main, '__spec__', None)
    if spec is None:
        return _basename(arg0)
    if spec.name != '__main__' and arg0 != spec.origin:
        return _basename(arg0)
    py = _basename(_sys.executable)
    if spec.name != '__main__':
        name = spec.name
        if name.endswith('.__main__'):
            name = name[:-len('.__main__')]
        return f'{py} -m {name}'
    return f'{py} {arg0}'


class ArgumentParser(_AttributeHolder, _ActionsContainer):
    """Turns command-line strings into a Namespace of Python objects."""

    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=[],
                 formatter_class=HelpFormatter, prefix_chars='-',
                 fromfile_prefix_chars=None, argument_default=None,
                 conflict_handler='error', add_help=True, allow_abbrev=True,
                 exit_on_error=True, *, suggest_on_error=False, color=True):
        super().__init__(description=description, prefix_chars=prefix_chars,
                         argument_default=argument_default,
                         conflict_handler=conflict_handler)
        self.prog = _prog_name(prog)
        self.usage = usage
        self.epilog = epilog
        self.formatter_class = formatter_class
        self.fromfile_prefix_chars = fromfile_prefix_chars
        self.add_help = add_help
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error
        self.suggest_on_error = suggest_on_error
        self.color = color
        self._cached_formatter = None
        self._positionals = self.add_argument_group('positional arguments')
        self._optionals = self.add_argument_group('options')
        self._subparsers = None
        self.register('type', None, _identity)
        prefix = '-' if '-' in prefix_chars else prefix_chars[0]
        if self.add_help:
            self.add_argument(prefix + 'h', prefix * 2 + 'help', action='help',
                              default=SUPPRESS, help='show this help message and exit')
        for parent in parents:
            if not isinstance(parent, ArgumentParser):
                raise TypeError('parents must be a list of ArgumentParser')
            self._add_container_actions(parent)
            self._defaults.update(parent._defaults)

    def _get_kwargs(self):
        names = ['prog', 'usage', 'description', 'formatter_class', 'conflict_handler',
                 'add_help']
        return [(name, getattr(self, name)) for name in names]

    def add_subparsers(self, **kwargs):
        if self._subparsers is not None:
            raise ValueError('cannot have multiple subparser arguments')
        kwargs.setdefault('parser_class', type(self))
        if 'title' in kwargs or 'description' in kwargs:
            title = kwargs.pop('title', 'subcommands')
            description = kwargs.pop('description', None)
            self._subparsers = self.add_argument_group(title, description)
        else:
            self._subparsers = self._positionals
        if kwargs.get('prog') is None:
            formatter = self.formatter_class(prog=self.prog)
            formatter.add_usage(None, self._get_positional_actions(),
                                self._mutually_exclusive_groups, '')
            kwargs['prog'] = formatter.format_help().strip()
        parsers_class = self._pop_action_class(kwargs, 'parsers')
        action = parsers_class(option_strings=[], **kwargs)
        action._color = self.color
        self._check_help(action)
        self._subparsers._add_action(action)
        return action

    def _add_action(self, action):
        if action.option_strings:
            self._optionals._add_action(action)
        else:
            self._positionals._add_action(action)
        return action

    def _get_optional_actions(self):
        return [a for a in self._actions if a.option_strings]

    def _get_positional_actions(self):
        return [a for a in self._actions if not a.option_strings]

    # ================
    # Parsing
    # ================

    def parse_args(self, args=None, namespace=None):
        args, argv = self.parse_known_args(args, namespace)
        if argv:
            self._unrecognized(argv)
        return args

    def _unrecognized(self, argv):
        msg = 'unrecognized arguments: %s' % ' '.join(argv)
        if self.exit_on_error:
            self.error(msg)
        raise ArgumentError(None, msg)

    def parse_known_args(self, args=None, namespace=None):
        return self._parse_known_args2(args, namespace, intermixed=False)

    def _parse_known_args2(self, args, namespace, intermixed):
        args = _sys.argv[1:] if args is None else list(args)
        if namespace is None:
            namespace = Namespace()
        for action in self._actions:
            if action.dest is not SUPPRESS and not hasattr(namespace, action.dest):
                if action.default is not SUPPRESS:
                    setattr(namespace, action.dest, action.default)
        for dest in self._defaults:
            if not hasattr(namespace, dest):
                setattr(namespace, dest, self._defaults[dest])
        if self.exit_on_error:
            try:
                namespace, args = self._parse_known_args(args, namespace, intermixed)
            except ArgumentError as err:
                self.error(str(err))
        else:
            namespace, args = self._parse_known_args(args, namespace, intermixed)
        if hasattr(namespace, _UNRECOGNIZED_ARGS_ATTR):
            args.extend(getattr(namespace, _UNRECOGNIZED_ARGS_ATTR))
            delattr(namespace, _UNRECOGNIZED_ARGS_ATTR)
        return namespace, args

    # CPython: Lib/argparse.py ArgumentParser._parse_known_args
    def _parse_known_args(self, arg_strings, namespace, intermixed):
        if self.fromfile_prefix_chars is not None:
            arg_strings = self._read_args_from_files(arg_strings)

        conflicts_of = {}
        for group in self._mutually_exclusive_groups:
            members = group._group_actions
            for i, member in enumerate(members):
                conflicts = conflicts_of.setdefault(member, [])
                conflicts.extend(members[:i])
                conflicts.extend(members[i + 1:])

        option_tuples_at = {}
        kinds = []
        after_dashes = False
        for i, arg_string in enumerate(arg_strings):
            if after_dashes:
                kinds.append('A')
            elif arg_string == '--':
                kinds.append('-')
                after_dashes = True
            else:
                found = self._parse_optional(arg_string)
                if found is None:
                    kinds.append('A')
                else:
                    option_tuples_at[i] = found
                    kinds.append('O')
        pattern = ''.join(kinds)

        seen_actions = set()
        seen_non_default_actions = set()
        warned = set()
        extras = []
        extras_pattern = []

        def take_action(action, argument_strings, option_string=None):
            seen_actions.add(action)
            values = self._get_values(action, argument_strings)
            if action.option_strings or argument_strings:
                seen_non_default_actions.add(action)
                for other in conflicts_of.get(action, []):
                    if other in seen_non_default_actions:
                        raise ArgumentError(action, 'not allowed with argument %s'
                                            % _get_action_name(other))
            if values is not SUPPRESS:
                action(self, namespace, values, option_string)

        def consume_optional(start_index):
            option_tuples = option_tuples_at[start_index]
            if len(option_tuples) > 1:
                options = ', '.join([t[1] for t in option_tuples])
                raise ArgumentError(None, 'ambiguous option: %s could match %s'
                                    % (arg_strings[start_index], options))
            action, option_string, sep, explicit_arg = option_tuples[0]
            chars = self.prefix_chars
            to_take = []
            while True:
                if action is None:
                    extras.append(arg_strings[start_index])
                    extras_pattern.append('O')
                    return start_index + 1
                if explicit_arg is None:
                    start = start_index + 1
                    count = self._match_argument(action, pattern[start:])
                    stop = start + count
                    to_take.append((action, arg_strings[start:stop], option_string))
                    break
                count = self._match_argument(action, 'A')
                if count == 0 and option_string[1] not in chars and explicit_arg != '':
                    # -xyz: a flag followed by more single-letter options
                    if sep or explicit_arg[0] in chars:
                        raise ArgumentError(action, 'ignored explicit argument %r'
                                            % explicit_arg)
                    to_take.append((action, [], option_string))
                    option_string = option_string[0] + explicit_arg[0]
                    if option_string in self._option_string_actions:
                        action = self._option_string_actions[option_string]
                        explicit_arg = explicit_arg[1:]
                        if not explicit_arg:
                            sep = explicit_arg = None
                        elif explicit_arg[0] == '=':
                            sep = '='
                            explicit_arg = explicit_arg[1:]
                        else:
                            sep = ''
                    else:
                        extras.append(option_string[0] + explicit_arg)
                        extras_pattern.append('O')
                        stop = start_index + 1
                        break
                elif count == 1:
                    stop = start_index + 1
                    to_take.append((action, [explicit_arg], option_string))
                    break
                else:
                    raise ArgumentError(action, 'ignored explicit argument %r'
                                        % explicit_arg)
            for action, args, option_string in to_take:
                if action.deprecated and option_string not in warned:
                    self._warning("option '%s' is deprecated" % option_string)
                    warned.add(option_string)
                take_action(action, args, option_string)
            return stop

        positionals = self._get_positional_actions()

        def consume_positionals(start_index, kinds_here, strings):
            counts = self._match_arguments_partial(positionals, kinds_here[start_index:])
            for action, count in zip(positionals, counts):
                args = strings[start_index:start_index + count]
                if action.nargs == PARSER:
                    if kinds_here[start_index] == '-':
                        args.remove('--')
                elif action.nargs != REMAINDER:
                    if '-' in kinds_here[start_index:start_index + count]:
                        args.remove('--')
                start_index += count
                if args and action.deprecated and action.dest not in warned:
                    self._warning("argument '%s' is deprecated" % action.dest)
                    warned.add(action.dest)
                take_action(action, args)
            del positionals[:len(counts)]
            return start_index

        start_index = 0
        max_option_index = max(option_tuples_at) if option_tuples_at else -1
        while start_index <= max_option_index:
            next_option = start_index
            while next_option <= max_option_index and next_option not in option_tuples_at:
                next_option += 1
            if not intermixed and start_index != next_option:
                end = consume_positionals(start_index, pattern, arg_strings)
                if end > start_index:
                    start_index = end
                    continue
                start_index = end
            if start_index not in option_tuples_at:
                extras.extend(arg_strings[start_index:next_option])
                extras_pattern.extend(pattern[start_index:next_option])
                start_index = next_option
            start_index = consume_optional(start_index)

        if not intermixed:
            stop_index = consume_positionals(start_index, pattern, arg_strings)
            extras.extend(arg_strings[stop_index:])
        else:
            extras.extend(arg_strings[start_index:])
            extras_pattern.extend(pattern[start_index:])
            kinds_left = ''.join(extras_pattern)
            strings = [s for s, c in zip(extras, kinds_left) if c != 'O']
            stop_index = consume_positionals(0, kinds_left.replace('O', ''), strings)
            for i, c in enumerate(kinds_left):
                if not stop_index:
                    break
                if c != 'O':
                    stop_index -= 1
                    extras[i] = None
            extras = [s for s in extras if s is not None]

        required_names = []
        for action in self._actions:
            if action in seen_actions:
                continue
            if action.required:
                required_names.append(_get_action_name(action))
            elif (action.default is not None and isinstance(action.default, str)
                  and hasattr(namespace, action.dest)
                  and action.default is getattr(namespace, action.dest)):
                # a string default is converted only when it was not given
                setattr(namespace, action.dest, self._get_value(action, action.default))
        if required_names:
            raise ArgumentError(None, 'the following arguments are required: %s'
                                % ', '.join(required_names))

        for group in self._mutually_exclusive_groups:
            if group.required:
                if not any(a in seen_non_default_actions for a in group._group_actions):
                    names = [_get_action_name(a) for a in group._group_actions
                             if a.help is not SUPPRESS]
                    raise ArgumentError(None, 'one of the arguments %s is required'
                                        % ' '.join(names))
        return namespace, extras

    def _read_args_from_files(self, arg_strings):
        result = []
        for arg_string in arg_strings:
            if not arg_string or arg_string[0] not in self.fromfile_prefix_chars:
                result.append(arg_string)
                continue
            try:
                with open(arg_string[1:], encoding=_sys.getfilesystemencoding(),
                          errors=_sys.getfilesystemencodeerrors()) as args_file:
                    lines = []
                    for line in args_file.read().splitlines():
                        lines.extend(self.convert_arg_line_to_args(line))
                    result.extend(self._read_args_from_files(lines))
            except OSError as err:
                raise ArgumentError(None, str(err))
        return result

    def convert_arg_line_to_args(self, arg_line):
        return [arg_line]

    def _match_argument(self, action, arg_strings_pattern):
        found = _match_groups([self._get_nargs_items(action)], arg_strings_pattern)
        if found is None:
            messages = {None: 'expected one argument',
                        OPTIONAL: 'expected at most one argument',
                        ONE_OR_MORE: 'expected at least one argument'}
            msg = messages.get(action.nargs)
            if msg is None:
                if action.nargs == 1:
                    msg = 'expected %s argument' % action.nargs
                else:
                    msg = 'expected %s arguments' % action.nargs
            raise ArgumentError(action, msg)
        return found[0][0]

    def _match_arguments_partial(self, actions, arg_strings_pattern):
        for n in range(len(actions), 0, -1):
            found = _match_groups([self._get_nargs_items(a) for a in actions[:n]],
                                  arg_strings_pattern)
            if found is not None:
                result, end = found
                if end < len(arg_strings_pattern) and arg_strings_pattern[end] == 'O':
                    while result and not result[-1]:
                        del result[-1]
                return result
        return []

    def _get_nargs_items(self, action):
        nargs = action.nargs
        if not (nargs is None or nargs in (OPTIONAL, ZERO_OR_MORE, ONE_OR_MORE, REMAINDER,
                                           PARSER, SUPPRESS)):
            range(nargs)  # a TypeError for a bad nargs, as CPython's
        return _nargs_items(nargs, bool(action.option_strings))

    def _parse_optional(self, arg_string):
        if not arg_string or arg_string[0] not in self.prefix_chars:
            return None
        if arg_string in self._option_string_actions:
            return [(self._option_string_actions[arg_string], arg_string, None, None)]
        if len(arg_string) == 1:
            return None
        option_string, sep, explicit_arg = arg_string.partition('=')
        if sep and option_string in self._option_string_actions:
            return [(self._option_string_actions[option_string], option_string, sep,
                     explicit_arg)]
        option_tuples = self._get_option_tuples(arg_string)
        if option_tuples:
            return option_tuples
        if _looks_negative(arg_string) and not self._has_negative_number_optionals:
            return None
        if ' ' in arg_string:
            return None
        return [(None, arg_string, None, None)]

    def _get_option_tuples(self, option_string):
        result = []
        chars = self.prefix_chars
        if option_string[0] in chars and option_string[1] in chars:
            if self.allow_abbrev:
                prefix, sep, explicit_arg = option_string.partition('=')
                if not sep:
                    sep = explicit_arg = None
                for candidate, action in self._option_string_actions.items():
                    if candidate.startswith(prefix):
                        result.append((action, candidate, sep, explicit_arg))
        elif option_string[0] in chars and option_string[1] not in chars:
            prefix, sep, explicit_arg = option_string.partition('=')
            if not sep:
                sep = explicit_arg = None
            short_prefix = option_string[:2]
            short_arg = option_string[2:]
            for candidate, action in self._option_string_actions.items():
                if candidate == short_prefix:
                    result.append((action, candidate, '', short_arg))
                elif self.allow_abbrev and candidate.startswith(prefix):
                    result.append((action, candidate, sep, explicit_arg))
        else:
            raise ArgumentError(None, 'unexpected option string: %s' % option_string)
        return result

    def parse_intermixed_args(self, args=None, namespace=None):
        args, argv = self.parse_known_intermixed_args(args, namespace)
        if argv:
            self._unrecognized(argv)
        return args

    def parse_known_intermixed_args(self, args=None, namespace=None):
        for action in self._get_positional_actions():
            if action.nargs in [PARSER, REMAINDER]:
                raise TypeError('parse_intermixed_args: positional arg with nargs=%s'
                                % action.nargs)
        return self._parse_known_args2(args, namespace, intermixed=True)

    # ================
    # Values
    # ================

    def _get_values(self, action, arg_strings):
        nargs = action.nargs
        if not arg_strings and nargs == OPTIONAL:
            value = action.const if action.option_strings else action.default
            if isinstance(value, str) and value is not SUPPRESS:
                value = self._get_value(action, value)
        elif not arg_strings and nargs == ZERO_OR_MORE and not action.option_strings:
            value = action.default if action.default is not None else []
        elif len(arg_strings) == 1 and nargs in [None, OPTIONAL]:
            value = self._get_value(action, arg_strings[0])
            self._check_value(action, value)
        elif nargs == REMAINDER:
            value = [self._get_value(action, v) for v in arg_strings]
        elif nargs == PARSER:
            value = [self._get_value(action, v) for v in arg_strings]
            self._check_value(action, value[0])
        elif nargs == SUPPRESS:
            value = SUPPRESS
        else:
            value = [self._get_value(action, v) for v in arg_strings]
            for v in value:
                self._check_value(action, v)
        return value

    def _get_value(self, action, arg_string):
        type_func = self._registry_get('type', action.type, action.type)
        if not callable(type_func):
            raise TypeError(f'{type_func!r} is not callable')
        try:
            return type_func(arg_string)
        except ArgumentTypeError as err:
            raise ArgumentError(action, str(err))
        except (TypeError, ValueError):
            name = getattr(action.type, '__name__', repr(action.type))
            raise ArgumentError(action, 'invalid %s value: %r' % (name, arg_string))

    def _check_value(self, action, value):
        choices = action.choices
        if choices is None:
            return
        if isinstance(choices, str):
            choices = iter(choices)
        if value in choices:
            return
        listed = ', '.join(repr(str(choice)) for choice in action.choices)
        if self.suggest_on_error and isinstance(value, str):
            if all(isinstance(choice, str) for choice in action.choices):
                closest = _closest_match(value, list(action.choices))
                if closest is not None:
                    raise ArgumentError(action, 'invalid choice: %r, maybe you meant %r? '
                                        '(choose from %s)' % (str(value), closest, listed))
        raise ArgumentError(action, 'invalid choice: %r (choose from %s)'
                            % (str(value), listed))

    # ================
    # Help
    # ================

    def format_usage(self):
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups)
        return formatter.format_help()

    def format_help(self):
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups)
        formatter.add_text(self.description)
        for group in self._action_groups:
            formatter.start_section(group.title)
            formatter.add_text(group.description)
            formatter.add_arguments(group._group_actions)
            formatter.end_section()
        formatter.add_text(self.epilog)
        return formatter.format_help()

    def _get_formatter(self):
        formatter = self.formatter_class(prog=self.prog)
        formatter._set_color(self.color)
        return formatter

    def _get_validation_formatter(self):
        if self._cached_formatter is None:
            self._cached_formatter = self._get_formatter()
        return self._cached_formatter

    def print_usage(self, file=None):
        self._print_message(self.format_usage(), file or _sys.stdout)

    def print_help(self, file=None):
        self._print_message(self.format_help(), file or _sys.stdout)

    def _print_message(self, message, file=None):
        if message:
            file = file or _sys.stderr
            try:
                file.write(message)
            except (AttributeError, OSError):
                pass

    def exit(self, status=0, message=None):
        if message:
            self._print_message(message, _sys.stderr)
        _sys.exit(status)

    def error(self, message):
        """Prints the usage and the message on stderr, and exits with status 2."""
        self.print_usage(_sys.stderr)
        self.exit(2, '%s: error: %s\n' % (self.prog, message))

    def _warning(self, message):
        self._print_message('%s: warning: %s\n' % (self.prog, message), _sys.stderr)


def _closest_match(word, candidates):
    """The candidate most like word (difflib's ratio of at least 0.6), or None."""
    try:
        import difflib
    except ImportError:
        difflib = None
    if difflib is not None:
        found = difflib.get_close_matches(word, candidates, 1)
        return found[0] if found else None
    scored = [(_ratio(candidate, word), candidate) for candidate in candidates]
    scored = [pair for pair in scored if pair[0] >= 0.6]
    return max(scored)[1] if scored else None


# CPython: Lib/difflib.py SequenceMatcher.ratio for short strings (no junk): twice the
# characters of the matching blocks over the total length
def _ratio(a, b):
    matched = 0
    pending = [(0, len(a), 0, len(b))]
    while pending:
        alo, ahi, blo, bhi = pending.pop()
        i, j, k = _longest_match(a, b, alo, ahi, blo, bhi)
        if k:
            matched += k
            if alo < i and blo < j:
                pending.append((alo, i, blo, j))
            if i + k < ahi and j + k < bhi:
                pending.append((i + k, ahi, j + k, bhi))
    total = len(a) + len(b)
    return 2.0 * matched / total if total else 1.0


def _longest_match(a, b, alo, ahi, blo, bhi):
    best_i, best_j, best_k = alo, blo, 0
    lengths = {}
    for i in range(alo, ahi):
        new_lengths = {}
        for j in range(blo, bhi):
            if a[i] == b[j]:
                k = lengths.get(j - 1, 0) + 1
                new_lengths[j] = k
                if k > best_k:
                    best_i, best_j, best_k = i - k + 1, j - k + 1, k
        lengths = new_lengths
    return best_i, best_j, best_k
