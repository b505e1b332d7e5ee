// gopy's bytecode cache files (`__pycache__/NAME.gopy-3140.pyc`): a 16-byte header as
// CPython's (PEP 552: a magic number, flags, then the source's mtime and size or its
// hash), a checksum of the body, and the module's code object in gopy's own format. The
// magic number is derived from the opcode table, so it changes whenever the bytecode does.
// CPython: Lib/importlib/_bootstrap_external.py _code_to_timestamp_pyc, _code_to_hash_pyc,
// _classify_pyc, _validate_timestamp_pyc, _validate_hash_pyc; Python/marshal.c.
#pragma once
#include "gopy/api_begin.h"

#include <cstdint>
#include <string>
#include <string_view>

#include "gopy/object.hpp"

namespace gopy {

struct PycHeader {
  static constexpr std::uint32_t hash_based = 1;    // PEP 552 flag bit 0
  static constexpr std::uint32_t check_source = 2;  // bit 1: a checked hash-based pyc
  std::uint32_t flags = 0;
  std::uint32_t mtime = 0;   // timestamp-based: the source's mtime (seconds, truncated)
  std::uint32_t size = 0;    // and size, modulo 2**32
  std::uint64_t hash = 0;    // hash-based: pyc_source_hash of the source
};

// The magic number's 4 bytes (2 of version, then "\r\n").
std::string pyc_magic();
// The hash a hash-based pyc records for `source` (its bytes, before decoding).
std::uint64_t pyc_source_hash(std::string_view source);
// The whole file for `code`, or "" when a constant cannot be stored (then nothing is cached).
std::string pyc_encode(const PycHeader& header, Object* code);
// Reads the header; false when the file is too short or its magic is not gopy's.
bool pyc_read_header(std::string_view file, PycHeader* header);
// The code object stored after the header (new reference), or null (nothing raised) when
// the body is truncated, fails its checksum or does not describe a code object.
Object* pyc_load_code(std::string_view file);

}  // namespace gopy
#include "gopy/api_end.h"
