// The codec machinery behind gopy/codecs.hpp and the codecs module (kernel-internal).
#pragma once

#include <string>
#include <string_view>

#include "gopy/object.hpp"
#include "gopy/object_str.hpp"

struct gopy_converter;

namespace gopy::codec {

enum class Kind { utf8, utf16, utf32, ascii, latin1, cp1252, icu };

// One codec under CPython's names (Lib/encodings: the module name aliases resolve to,
// and the CodecInfo name it registers).
struct Entry {
  const char* module;    // "latin_1"
  const char* name;      // "iso8859-1": codecs.lookup(...).name and sys.stdout.encoding
  Kind kind;
  int byteorder;         // UTF-16/32: 0 = a BOM and native order, -1 little, 1 big endian
  bool signature;        // utf-8-sig: a BOM written first and skipped when read
  const char* icu;       // the ICU converter (Kind::icu)
  const char* aliases;   // normalized aliases, separated by spaces
};

// CPython: Lib/encodings/__init__.py normalize_encoding, after codecs.lookup's lowering:
// lowercase, and every run of characters other than letters, digits and '.' becomes '_'.
std::string normalize_encoding(std::string_view encoding);
// The codec for an encoding name, or null (no exception) when unknown.
const Entry* find(std::string_view encoding);
// The encoding named in the codec's exceptions ("charmap" for code pages, as CPython).
std::string error_name(const Entry& e);

// Incremental state; a one-shot call uses a fresh one with final = true.
struct EncodeState {
  const Entry* entry = nullptr;
  bool started = false;           // the BOM has been written
  gopy_converter* icu = nullptr;  // owned
  EncodeState() = default;
  explicit EncodeState(const Entry* e) : entry(e) {}
  EncodeState(const EncodeState&) = delete;
  EncodeState& operator=(const EncodeState&) = delete;
  ~EncodeState();
};
struct DecodeState {
  const Entry* entry = nullptr;
  int byteorder = 0;              // UTF-16/32 once the BOM is read
  bool started = false;           // the BOM (or its absence) has been seen
  gopy_converter* icu = nullptr;  // owned
  DecodeState() = default;
  explicit DecodeState(const Entry* e) : entry(e), byteorder(e->byteorder) {}
  DecodeState(const DecodeState&) = delete;
  DecodeState& operator=(const DecodeState&) = delete;
  ~DecodeState();
};

// Encodes `text` (whose str object, for exceptions, is `text_obj`, or null to create it
// on need) and appends to out. False with the exception set.
bool encode(EncodeState& st, Object* text_obj, const std::u32string& text, std::string_view errors,
            bool final, std::string* out);
// Decodes data and appends to out; *consumed is how much was used (less than all when
// !final and the data ends inside a character). False with the exception set.
bool decode(DecodeState& st, std::string_view data, std::string_view errors, bool final, std::u32string* out,
            size_t* consumed);

// ---- error handlers (codec_errors.cpp) ----
// What an error handler answered: a replacement (text to encode, or raw bytes) and
// where to resume.
struct Replacement {
  bool is_bytes = false;
  std::u32string text;
  std::string bytes;
  ssize resume = 0;
};
// Builds UnicodeEncodeError(encoding, object, start, end, reason).
Object* new_encode_error(std::string_view encoding, Object* text, ssize start, ssize end, std::string_view reason);
Object* new_decode_error(std::string_view encoding, std::string_view data, ssize start, ssize end,
                         std::string_view reason);
// Applies the `errors` handler to a fresh exception `exc` (consumed): false with an
// exception set (strict, an unknown handler, a handler that raised or answered badly).
bool handle_error(std::string_view errors, Object* exc, bool decoding, ssize length, Replacement* r);
// codecs.register_error / lookup_error.
bool register_error(std::string_view name, Object* handler);
Object* lookup_error(std::string_view name);  // new reference, or null with LookupError

}  // namespace gopy::codec

namespace gopy {
struct ModuleObject;
ModuleObject* create_codecs_module();  // codecs_module.cpp
}  // namespace gopy
