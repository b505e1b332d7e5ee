"""Command-line tool to validate and pretty-print JSON: `python -m json` (and, for
backwards compatibility, `python -m json.tool`) [infile [outfile]].

gopy's own, following CPython 3.14's json.tool: the same options, output and exit
status, the output coloured as _colorize's syntax theme colours it on a terminal.
"""
import argparse
import json
import os
import sys

__all__ = ['main']

# The syntax theme's colours for the parts of the JSON text (CPython: _colorize Syntax).
_RESET = '\x1b[0m'
_COLORS = {
    'key': '\x1b[1m',         # definition: bold
    'string': '\x1b[32m',     # green
    'number': '\x1b[33m',     # yellow
    'boolean': '\x1b[1;34m',  # keyword: bold blue
    'null': '\x1b[1;34m',
}

_color_pattern = None


def _can_colorize(file):
    # CPython: _colorize.can_colorize(file=...)
    env = os.environ
    if not sys.flags.ignore_environment:
        if env.get('PYTHON_COLORS') == '0':
            return False
        if env.get('PYTHON_COLORS') == '1':
            return True
    if env.get('NO_COLOR'):
        return False
    if env.get('FORCE_COLOR'):
        return True
    if env.get('TERM') == 'dumb':
        return False
    if not hasattr(file, 'fileno'):
        return False
    try:
        return os.isatty(file.fileno())
    except OSError:
        return hasattr(file, 'isatty') and file.isatty()


def _colorize_json(json_str):
    # The text is valid JSON, so a loose pattern finds its keys, strings and literals.
    global _color_pattern
    import re
    if _color_pattern is None:
        _color_pattern = re.compile(r'''
            (?P<key>"(\\.|[^"\\])*")(?=:)           |
            (?P<string>"(\\.|[^"\\])*")             |
            (?P<number>NaN|-?Infinity|[0-9\-+.Ee]+) |
            (?P<boolean>true|false)                 |
            (?P<null>null)
        ''', re.VERBOSE)

    def paint(match):
        for group, color in _COLORS.items():
            if text := match.group(group):
                return f'{color}{text}{_RESET}'
        return match.group()

    return _color_pattern.sub(paint, json_str)


def _parser():
    parser = argparse.ArgumentParser(
        description='A simple command line interface for json module '
                    'to validate and pretty-print JSON objects.', color=True)
    parser.add_argument('infile', nargs='?', default='-',
                        help='a JSON file to be validated or pretty-printed')
    parser.add_argument('outfile', nargs='?', default=None,
                        help='write the output of infile to outfile')
    parser.add_argument('--sort-keys', action='store_true', default=False,
                        help='sort the output of dictionaries alphabetically by key')
    parser.add_argument('--no-ensure-ascii', dest='ensure_ascii', action='store_false',
                        help='disable escaping of non-ASCII characters')
    parser.add_argument('--json-lines', action='store_true', default=False,
                        help='parse input using the JSON Lines format. '
                             'Use with --no-indent or --compact to produce valid '
                             'JSON Lines output.')
    group = parser.add_mutually_exclusive_group()
    group.add_argument('--indent', default=4, type=int,
                       help='separate items with newlines and use this number '
                            'of spaces for indentation')
    group.add_argument('--tab', action='store_const', dest='indent', const='\t',
                       help='separate items with newlines and use tabs for indentation')
    group.add_argument('--no-indent', action='store_const', dest='indent', const=None,
                       help='separate items with spaces rather than newlines')
    group.add_argument('--compact', action='store_true',
                       help='suppress all whitespace separation (most compact)')
    return parser


def main():
    options = _parser().parse_args()
    dump_args = {'sort_keys': options.sort_keys, 'indent': options.indent,
                 'ensure_ascii': options.ensure_ascii}
    if options.compact:
        dump_args['indent'] = None
        dump_args['separators'] = ',', ':'
    try:
        infile = sys.stdin if options.infile == '-' else open(options.infile, encoding='utf-8')
        try:
            if options.json_lines:
                # every line is read first; each is decoded as the output is written
                objs = (json.loads(line) for line in infile.readlines())
            else:
                objs = (json.load(infile),)
        finally:
            if infile is not sys.stdin:
                infile.close()
        if options.outfile is None:
            outfile = sys.stdout
        else:
            outfile = open(options.outfile, 'w', encoding='utf-8')
        try:
            if _can_colorize(outfile):
                for obj in objs:
                    outfile.write(_colorize_json(json.dumps(obj, **dump_args)))
                    outfile.write('\n')
            else:
                for obj in objs:
                    json.dump(obj, outfile, **dump_args)
                    outfile.write('\n')
        finally:
            # CPython closes stdout too; flushing it is what that amounts to here
            if outfile is sys.stdout:
                outfile.flush()
            else:
                outfile.close()
    except ValueError as e:
        raise SystemExit(e)


if __name__ == '__main__':
    try:
        main()
    except BrokenPipeError as exc:
        raise SystemExit(exc.errno)
