"""A lexical analyzer for simple shell-like syntaxes (gopy's own implementation)."""

import sys

__all__ = ["shlex", "split", "quote", "join"]

_ASCII_WORD = "abcdfeghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"
_LATIN1_WORD = ("ßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ"
                "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ")


class shlex:
    """A lexical analyzer class for simple shell-like syntaxes."""

    def __init__(self, instream=None, infile=None, posix=False, punctuation_chars=False):
        if isinstance(instream, str):
            from io import StringIO
            instream = StringIO(instream)
        if instream is not None:
            self.instream = instream
            self.infile = infile
        else:
            self.instream = sys.stdin
            self.infile = None
        self.posix = posix
        self.eof = None if posix else ""
        self.commenters = "#"
        self.wordchars = _ASCII_WORD + (_LATIN1_WORD if posix else "")
        self.whitespace = " \t\r\n"
        self.whitespace_split = False
        self.quotes = "'\""
        self.escape = "\\"
        self.escapedquotes = '"'
        self.state = " "
        self.pushback = []          # tokens, next first
        self.lineno = 1
        self.debug = 0
        self.token = ""
        self.filestack = []         # (infile, instream, lineno), innermost first
        self.source = None
        if not punctuation_chars:
            punctuation_chars = ""
        elif punctuation_chars is True:
            punctuation_chars = "();<>|&"
        self._punctuation_chars = punctuation_chars
        self._pushback_chars = []
        if punctuation_chars:
            # Characters allowed in file names, arguments and wildcards join the words.
            self.wordchars += "~-./*?="
            self.wordchars = "".join(c for c in self.wordchars if c not in punctuation_chars)

    @property
    def punctuation_chars(self):
        return self._punctuation_chars

    def push_token(self, tok):
        """Push a token onto the stack popped by get_token."""
        if self.debug >= 1:
            print("shlex: pushing token " + repr(tok))
        self.pushback.insert(0, tok)

    def push_source(self, newstream, newfile=None):
        """Push an input source onto the lexer's input source stack."""
        if isinstance(newstream, str):
            from io import StringIO
            newstream = StringIO(newstream)
        self.filestack.insert(0, (self.infile, self.instream, self.lineno))
        self.infile = newfile
        self.instream = newstream
        self.lineno = 1
        if self.debug:
            if newfile is not None:
                print(f"shlex: pushing to file {self.infile}")
            else:
                print(f"shlex: pushing to stream {self.instream}")

    def pop_source(self):
        """Pop the input source stack."""
        self.instream.close()
        self.infile, self.instream, self.lineno = self.filestack.pop(0)
        if self.debug:
            print(f"shlex: popping to {self.instream}, line {self.lineno}")
        self.state = " "

    def get_token(self):
        """Get a token from the input stream (or from the stack if it is not empty)."""
        if self.pushback:
            tok = self.pushback.pop(0)
            if self.debug >= 1:
                print("shlex: popping token " + repr(tok))
            return tok
        raw = self.read_token()
        if self.source is not None:
            while raw == self.source:
                spec = self.sourcehook(self.read_token())
                if spec:
                    newfile, newstream = spec
                    self.push_source(newstream, newfile)
                raw = self.get_token()
        while raw == self.eof:
            if not self.filestack:
                return self.eof
            self.pop_source()
            raw = self.get_token()
        if self.debug >= 1:
            print("shlex: token=" + repr(raw) if raw != self.eof else "shlex: token=EOF")
        return raw

    def _next_char(self):
        if self._punctuation_chars and self._pushback_chars:
            return self._pushback_chars.pop()
        return self.instream.read(1)

    def _skip_comment(self):
        self.instream.readline()
        self.lineno += 1

    def read_token(self):
        # CPython: Lib/shlex.py shlex.read_token (the same states: ' ' between tokens,
        # 'a' in a word, 'c' in punctuation, a quote char inside quotes, the escape char
        # after an escape; None past the end).
        quoted = False
        escapedstate = " "
        while True:
            ch = self._next_char()
            if ch == "\n":
                self.lineno += 1
            if self.debug >= 3:
                print(f"shlex: in state {self.state!r} I see character: {ch!r}")
            state = self.state
            if state is None:
                self.token = ""
                break
            if state == " ":
                if not ch:
                    self.state = None
                    break
                if ch in self.whitespace:
                    if self.token or (self.posix and quoted):
                        break
                    continue
                if ch in self.commenters:
                    self._skip_comment()
                elif self.posix and ch in self.escape:
                    escapedstate = "a"
                    self.state = ch
                elif ch in self.wordchars:
                    self.token = ch
                    self.state = "a"
                elif ch in self._punctuation_chars:
                    self.token = ch
                    self.state = "c"
                elif ch in self.quotes:
                    if not self.posix:
                        self.token = ch
                    self.state = ch
                elif self.whitespace_split:
                    self.token = ch
                    self.state = "a"
                else:
                    self.token = ch
                    if self.token or (self.posix and quoted):
                        break
            elif state in self.quotes:
                quoted = True
                if not ch:
                    raise ValueError("No closing quotation")
                if ch == state:
                    if not self.posix:
                        self.token += ch
                        self.state = " "
                        break
                    self.state = "a"
                elif self.posix and ch in self.escape and state in self.escapedquotes:
                    escapedstate = state
                    self.state = ch
                else:
                    self.token += ch
            elif state in self.escape:
                if not ch:
                    raise ValueError("No escaped character")
                # Inside quotes only the quote itself or the escape char is escaped.
                if escapedstate in self.quotes and ch != state and ch != escapedstate:
                    self.token += state
                self.token += ch
                self.state = escapedstate
            elif state in ("a", "c"):
                if not ch:
                    self.state = None
                    break
                if ch in self.whitespace:
                    self.state = " "
                    if self.token or (self.posix and quoted):
                        break
                    continue
                if ch in self.commenters:
                    self._skip_comment()
                    if self.posix:
                        self.state = " "
                        if self.token or (self.posix and quoted):
                            break
                        continue
                elif state == "c":
                    if ch in self._punctuation_chars:
                        self.token += ch
                    else:
                        if ch not in self.whitespace:
                            self._pushback_chars.append(ch)
                        self.state = " "
                        break
                elif self.posix and ch in self.quotes:
                    self.state = ch
                elif self.posix and ch in self.escape:
                    escapedstate = "a"
                    self.state = ch
                elif (ch in self.wordchars or ch in self.quotes
                      or (self.whitespace_split and ch not in self._punctuation_chars)):
                    self.token += ch
                else:
                    if self._punctuation_chars:
                        self._pushback_chars.append(ch)
                    else:
                        self.pushback.insert(0, ch)
                    self.state = " "
                    if self.token or (self.posix and quoted):
                        break
                    continue
        result = self.token
        self.token = ""
        if self.posix and not quoted and result == "":
            result = None
        if self.debug > 1:
            print("shlex: raw token=" + repr(result) if result else "shlex: raw token=EOF")
        return result

    def sourcehook(self, newfile):
        """Hook called on a filename to be sourced."""
        import os.path
        if newfile[0] == '"':
            newfile = newfile[1:-1]
        if isinstance(self.infile, str) and not os.path.isabs(newfile):
            newfile = os.path.join(os.path.dirname(self.infile), newfile)
        return (newfile, open(newfile, "r"))

    def error_leader(self, infile=None, lineno=None):
        """A C-compiler-like, Emacs-friendly error-message leader."""
        if infile is None:
            infile = self.infile
        if lineno is None:
            lineno = self.lineno
        return f'"{infile}", line {lineno}: '

    def __iter__(self):
        return self

    def __next__(self):
        token = self.get_token()
        if token == self.eof:
            raise StopIteration
        return token


def split(s, comments=False, posix=True):
    """Split the string s using shell-like syntax."""
    if s is None:
        raise ValueError("s argument must not be None")
    lex = shlex(s, posix=posix)
    lex.whitespace_split = True
    if not comments:
        lex.commenters = ""
    return list(lex)


def join(split_command):
    """Return a shell-escaped string from split_command."""
    return " ".join(quote(arg) for arg in split_command)


_SAFE = frozenset("%+,-./0123456789:=@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")


def quote(s):
    """Return a shell-escaped version of the string s."""
    if not s:
        return "''"
    if not isinstance(s, str):
        raise TypeError(f"expected string object, got {type(s).__name__!r}")
    for ch in s:
        if ch not in _SAFE:
            break
    else:
        return s
    # Single quotes, and each single quote inside put between double quotes.
    return "'" + s.replace("'", "'\"'\"'") + "'"
