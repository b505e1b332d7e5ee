"""Conversions between binary data and ASCII: hex, base64 and the CRCs, over gopy's
native _binascii module."""
import _binascii

__all__ = ['Error', 'Incomplete', 'a2b_base64', 'a2b_hex', 'b2a_base64', 'b2a_hex', 'crc32',
           'crc_hqx', 'hexlify', 'unhexlify']


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


_binascii.Error = Error
crc32 = _binascii.crc32
crc_hqx = _binascii.crc_hqx
unhexlify = _binascii.unhexlify
a2b_hex = unhexlify


def hexlify(data, sep=None, bytes_per_sep=1):
    """Hexadecimal representation of binary data; sep, if given, goes between every
    bytes_per_sep bytes (counted from the right, or from the left when negative)."""
    return _binascii.hexlify(data, sep, bytes_per_sep)


b2a_hex = hexlify


def b2a_base64(data, /, *, newline=True):
    """Base64-code line of data, with a newline unless newline is false."""
    return _binascii.b2a_base64(data, newline)


def a2b_base64(data, /, *, strict_mode=False):
    """Decode a line of base64 data; strict_mode refuses what is not exact base64."""
    return _binascii.a2b_base64(data, strict_mode)
