// Encoding and decoding: the UTF-8/16/32, ASCII, Latin-1 and cp1252 codecs, ICU's code
// pages, and the loop that hands each failing range to the error handler.
// CPython: Objects/unicodeobject.c (unicode_encode_utf8, unicode_encode_ucs1,
// PyUnicode_DecodeUTF8Stateful, PyUnicode_DecodeUTF16Stateful, PyUnicode_DecodeUTF32Stateful,
// _PyUnicode_EncodeUTF16/32, charmap_encoding_error), Objects/stringlib/codecs.h.
#include "gopy/codecs.hpp"
#include "gopy/object_bytes.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_str.hpp"
#include "object/codec_internal.hpp"
#include "object/prim/unicode_library.hpp"
#include "object/strcat.hpp"

namespace gopy::codec {

namespace {

// cp1252's 0x80..0x9F (0 = undefined); the rest is Latin-1.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

bool is_surrogate(char32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

// A decoding step that consumed bytes without producing a character.
constexpr char32_t kNoCharacter = 0xFFFFFFFF;

void put16(std::string* out, char32_t unit, bool big) {
  char lo = char(unit & 0xFF), hi = char((unit >> 8) & 0xFF);
  if (big) { out->push_back(hi); out->push_back(lo); }
  else { out->push_back(lo); out->push_back(hi); }
}

void put32(std::string* out, char32_t c, bool big) {
  for (int k = 0; k < 4; ++k) {
    int shift = big ? 24 - 8 * k : 8 * k;
    out->push_back(char((c >> shift) & 0xFF));
  }
}

const prim::UnicodeLibrary* icu() { return prim::unicode_library(); }

gopy_converter* open_converter(const Entry& e, gopy_converter** slot) {
  if (!*slot) {
    const prim::UnicodeLibrary* lib = icu();
    *slot = lib ? lib->converter_open(e.icu) : nullptr;
    if (!*slot) set_error(&exc_LookupError, cat("unknown encoding: ", e.name));
  }
  return *slot;
}

// Raises a freshly made exception (null: making it failed, its error is already set).
void raise_new(Object* exc) {
  if (!exc) return;
  raise_object(exc);
  decref(exc);
}

// Appends c's encoding; false when the codec cannot encode it.
bool encode_char(EncodeState& st, char32_t c, std::string* out) {
  const Entry& e = *st.entry;
  switch (e.kind) {
    case Kind::utf8:
      if (is_surrogate(c)) return false;
      append_utf8(*out, c);
      return true;
    case Kind::utf16:
      if (is_surrogate(c)) return false;
      if (c >= 0x10000) {
        put16(out, 0xD800 + ((c - 0x10000) >> 10), e.byteorder > 0);
        put16(out, 0xDC00 + ((c - 0x10000) & 0x3FF), e.byteorder > 0);
      } else {
        put16(out, c, e.byteorder > 0);
      }
      return true;
    case Kind::utf32:
      if (is_surrogate(c)) return false;
      put32(out, c, e.byteorder > 0);
      return true;
    case Kind::ascii:
      if (c >= 0x80) return false;
      out->push_back(char(c));
      return true;
    case Kind::latin1:
      if (c >= 0x100) return false;
      out->push_back(char(c));
      return true;
    case Kind::cp1252:
      if (c < 0x80 || (c >= 0xA0 && c < 0x100)) {
        out->push_back(char(c));
        return true;
      }
      for (int i = 0; i < 32; ++i)
        if (kCp1252High[i] && kCp1252High[i] == c) {
          out->push_back(char(0x80 + i));
          return true;
        }
      return false;
    case Kind::icu: {
      char buf[16];
      int32_t n = icu()->converter_encode(st.icu, uint32_t(c), 0, buf, sizeof buf);
      if (n < 0) return false;
      out->append(buf, size_t(n));
      return true;
    }
  }
  return false;
}

// The reason an encoder gives for characters it cannot encode.
const char* encode_reason(const Entry& e) {
  switch (e.kind) {
    case Kind::utf8:
    case Kind::utf16:
    case Kind::utf32: return "surrogates not allowed";
    case Kind::ascii: return "ordinal not in range(128)";
    case Kind::latin1: return "ordinal not in range(256)";
    case Kind::cp1252: return "character maps to <undefined>";
    case Kind::icu: break;
  }
  return error_name(e) == "charmap" ? "character maps to <undefined>" : "illegal multibyte sequence";
}

// One decoding step at data[pos]: a character, the start of one at the end of the data,
// or an invalid range with its reason.
struct Step {
  enum Status { ok, incomplete, error } status = ok;
  char32_t cp = 0;
  size_t length = 0;  // bytes consumed (ok) or in the invalid range (error)
  const char* reason = nullptr;
};

Step bad(size_t length, const char* reason) { return Step{Step::error, 0, length, reason}; }
Step good(char32_t cp, size_t length) { return Step{Step::ok, cp, length, nullptr}; }
Step partial(size_t length, const char* reason) { return Step{Step::incomplete, 0, length, reason}; }

// CPython: Objects/stringlib/codecs.h utf8_decode (its error ranges and reasons)
Step utf8_step(std::string_view d, size_t i) {
  auto at = [&](size_t k) { return static_cast<unsigned char>(d[k]); };
  unsigned char c = at(i);
  if (c < 0x80) return good(c, 1);
  int need;
  char32_t cp;
  if (c < 0xC2) return bad(1, "invalid start byte");
  if (c < 0xE0) need = 1, cp = c & 0x1F;
  else if (c < 0xF0) need = 2, cp = c & 0x0F;
  else if (c < 0xF5) need = 3, cp = c & 0x07;
  else return bad(1, "invalid start byte");
  for (int k = 1; k <= need; ++k) {
    if (i + size_t(k) >= d.size()) return partial(d.size() - i, "unexpected end of data");
    unsigned char b = at(i + size_t(k));
    unsigned char lo = 0x80, hi = 0xBF;
    if (k == 1) {
      if (c == 0xE0) lo = 0xA0;
      else if (c == 0xED) hi = 0x9F;
      else if (c == 0xF0) lo = 0x90;
      else if (c == 0xF4) hi = 0x8F;
    }
    if (b < lo || b > hi) return bad(size_t(k), "invalid continuation byte");
    cp = (cp << 6) | (b & 0x3F);
  }
  return good(cp, size_t(need) + 1);
}

Step utf16_step(std::string_view d, size_t i, bool big) {
  auto unit = [&](size_t k) {
    auto a = static_cast<unsigned char>(d[k]), b = static_cast<unsigned char>(d[k + 1]);
    return big ? char32_t((a << 8) | b) : char32_t((b << 8) | a);
  };
  if (d.size() - i < 2) return partial(d.size() - i, "truncated data");
  char32_t u = unit(i);
  if (!is_surrogate(u)) return good(u, 2);
  if (u >= 0xDC00) return bad(2, "illegal encoding");
  if (d.size() - i < 4) return partial(d.size() - i, d.size() - i == 2 ? "unexpected end of data" : "truncated data");
  char32_t u2 = unit(i + 2);
  if (u2 < 0xDC00 || u2 > 0xDFFF) return bad(2, "illegal UTF-16 surrogate");
  return good(0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00), 4);
}

Step utf32_step(std::string_view d, size_t i, bool big) {
  if (d.size() - i < 4) return partial(d.size() - i, "truncated data");
  char32_t c = 0;
  for (int k = 0; k < 4; ++k) {
    char32_t b = static_cast<unsigned char>(d[i + size_t(k)]);
    c |= b << (big ? 24 - 8 * k : 8 * k);
  }
  if (c > 0x10FFFF) return bad(4, "code point not in range(0x110000)");
  if (is_surrogate(c)) return bad(4, "code point in surrogate code point range(0xd800, 0xe000)");
  return good(c, 4);
}

Step decode_step(DecodeState& st, std::string_view d, size_t i) {
  const Entry& e = *st.entry;
  auto c = static_cast<unsigned char>(d[i]);
  switch (e.kind) {
    case Kind::utf8: return utf8_step(d, i);
    case Kind::utf16: return utf16_step(d, i, st.byteorder > 0);
    case Kind::utf32: return utf32_step(d, i, st.byteorder > 0);
    case Kind::ascii: return c < 0x80 ? good(c, 1) : bad(1, "ordinal not in range(128)");
    case Kind::latin1: return good(c, 1);
    case Kind::cp1252:
      if (c < 0x80 || c >= 0xA0) return good(c, 1);
      return kCp1252High[c - 0x80] ? good(kCp1252High[c - 0x80], 1) : bad(1, "character maps to <undefined>");
    case Kind::icu: {
      uint32_t cp = 0;
      int32_t n = icu()->converter_decode(st.icu, d.data() + i, int32_t(d.size() - i), &cp);
      bool charmap = error_name(e) == "charmap";
      if (n > 0) return good(cp, size_t(n));
      if (n == 0) return partial(d.size() - i, "incomplete multibyte sequence");
      return bad(size_t(-n), charmap ? "character maps to <undefined>" : "illegal multibyte sequence");
    }
  }
  return bad(1, "invalid start byte");
}

// Reads the BOM of utf-16/utf-32/utf-8-sig at the start of a stream. False when more
// data is needed to tell.
bool read_signature(DecodeState& st, std::string_view d, bool final, size_t* skip) {
  const Entry& e = *st.entry;
  *skip = 0;
  if (e.kind == Kind::utf8 && e.signature) {
    std::string_view bom = "\xEF\xBB\xBF";
    if (d.size() < 3 && !final && bom.starts_with(d)) return false;
    if (d.starts_with(bom)) *skip = 3;
    return true;
  }
  if ((e.kind == Kind::utf16 || e.kind == Kind::utf32) && e.byteorder == 0) {
    const size_t width = e.kind == Kind::utf16 ? 2 : 4;
    if (d.size() < width && !final) return false;
    std::string_view le = e.kind == Kind::utf16 ? std::string_view("\xFF\xFE", 2) : std::string_view("\xFF\xFE\0\0", 4);
    std::string_view be = e.kind == Kind::utf16 ? std::string_view("\xFE\xFF", 2) : std::string_view("\0\0\xFE\xFF", 4);
    if (d.starts_with(le)) st.byteorder = -1, *skip = width;
    else if (d.starts_with(be)) st.byteorder = 1, *skip = width;
    else st.byteorder = -1;  // no BOM: the native (little-endian) order
    return true;
  }
  return true;
}

}  // namespace

EncodeState::~EncodeState() {
  if (icu) prim::unicode_library()->converter_close(icu);
}
DecodeState::~DecodeState() {
  if (icu) prim::unicode_library()->converter_close(icu);
}

bool encode(EncodeState& st, Object* text_obj, const std::u32string& text, std::string_view errors, bool final,
            std::string* out) {
  const Entry& e = *st.entry;
  if (e.kind == Kind::icu && !open_converter(e, &st.icu)) return false;
  if (!st.started) {
    st.started = true;
    if (e.kind == Kind::utf8 && e.signature) out->append("\xEF\xBB\xBF");
    if (e.kind == Kind::utf16 && e.byteorder == 0) out->append("\xFF\xFE");
    if (e.kind == Kind::utf32 && e.byteorder == 0) out->append("\xFF\xFE\0\0", 4);
  }
  // UTF-16 and UTF-32 report one character at a time; the others a run of them.
  const bool one_at_a_time = e.kind == Kind::utf16 || e.kind == Kind::utf32;
  const bool escapes_inline = e.kind == Kind::utf8 || e.kind == Kind::ascii || e.kind == Kind::latin1;
  Ref<> owned_text;
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    if (encode_char(st, text[i], out)) {
      ++i;
      continue;
    }
    size_t end = i + 1;
    if (!one_at_a_time) {
      std::string scratch;
      while (end < n && !encode_char(st, text[end], &scratch)) ++end;
    }
    if (escapes_inline && errors == "surrogateescape") {
      // The run's escapable start is written at once, so an error names only the rest.
      // CPython: Objects/unicodeobject.c unicode_encode_utf8, unicode_encode_ucs1
      // (_Py_ERROR_SURROGATEESCAPE)
      while (i < end && text[i] >= 0xDC80 && text[i] <= 0xDCFF) out->push_back(char(text[i++] - 0xDC00));
      if (i == end) continue;
    }
    if (!text_obj) {
      owned_text = Ref<>::steal(new_str_from_cps(text));
      text_obj = owned_text.get();
    }
    const std::string name = error_name(e);
    const char* reason = encode_reason(e);
    Replacement r;
    if (!handle_error(errors, new_encode_error(name, text_obj, ssize(i), ssize(end), reason), false, ssize(n), &r))
      return false;
    const size_t unit = e.kind == Kind::utf16 ? 2 : e.kind == Kind::utf32 ? 4 : 1;
    if (r.is_bytes && r.bytes.size() % unit != 0) {
      // UTF-16/32 take only whole code units from a handler. CPython: _PyUnicode_EncodeUTF16
      raise_new(new_encode_error(name, text_obj, ssize(i), ssize(end), reason));
      return false;
    }
    if (r.is_bytes) {
      out->append(r.bytes);
    } else {
      for (char32_t c : r.text) {
        if (!encode_char(st, c, out)) {
          // A replacement the codec cannot encode fails as the original range did.
          raise_new(new_encode_error(name, text_obj, ssize(i), ssize(end), reason));
          return false;
        }
      }
    }
    i = size_t(r.resume);
  }
  if (final && e.kind == Kind::icu) {
    char buf[32];
    int32_t k = icu()->converter_encode(st.icu, 0xFFFFFFFFu, 1, buf, sizeof buf);
    if (k > 0) out->append(buf, size_t(k));
  }
  return true;
}

bool decode(DecodeState& st, std::string_view data, std::string_view errors, bool final, std::u32string* out,
            size_t* consumed) {
  const Entry& e = *st.entry;
  if (e.kind == Kind::icu && !open_converter(e, &st.icu)) return false;
  size_t i = 0;
  *consumed = 0;
  if (!st.started) {
    size_t skip;
    if (!read_signature(st, data, final, &skip)) return true;
    st.started = true;
    i = skip;
  }
  // UTF-16/32 errors name the byte order in effect once the BOM is read (CPython:
  // _PyUnicode_DecodeUTF16Stateful, _PyUnicode_DecodeUTF32Stateful).
  std::string name = error_name(e);
  if (e.kind == Kind::utf16 || e.kind == Kind::utf32)
    name = std::string(e.kind == Kind::utf16 ? "utf-16" : "utf-32") + (st.byteorder > 0 ? "-be" : "-le");
  while (i < data.size()) {
    Step s = decode_step(st, data, i);
    if (s.status == Step::ok) {
      if (s.cp != kNoCharacter) out->push_back(s.cp);
      i += s.length;
      continue;
    }
    if (s.status == Step::incomplete && !final) break;
    Replacement r;
    if (!handle_error(errors, new_decode_error(name, data, ssize(i), ssize(i + s.length), s.reason), true,
                      ssize(data.size()), &r))
      return false;
    out->append(r.text);
    i = size_t(r.resume);
  }
  *consumed = i;
  return true;
}

}  // namespace gopy::codec

namespace gopy {

namespace {

std::nullptr_t unknown_encoding(std::string_view encoding) {
  return set_error(&exc_LookupError, cat("unknown encoding: ", encoding));
}

}  // namespace

Object* codec_encode(StrObject* text, std::string_view encoding, std::string_view errors) {
  const codec::Entry* e = codec::find(encoding);
  if (!e) return unknown_encoding(encoding);
  // ASCII text into an ASCII-compatible codec, and UTF-8 without lone surrogates, are
  // the stored text itself.
  const bool plain_utf8 = e->kind == codec::Kind::utf8 && !e->signature;
  const bool ascii_compatible =
      plain_utf8 || e->kind == codec::Kind::ascii || e->kind == codec::Kind::latin1 || e->kind == codec::Kind::cp1252;
  if (text->ascii && ascii_compatible) return new_bytes(text->utf8);
  if (plain_utf8) {
    bool has_surrogate = false;
    for (size_t i = 0; i + 2 < text->utf8.size() && !has_surrogate; ++i)
      has_surrogate = static_cast<unsigned char>(text->utf8[i]) == 0xED &&
                      (static_cast<unsigned char>(text->utf8[i + 1]) & 0xE0) == 0xA0;
    if (!has_surrogate) return new_bytes(text->utf8);
  }
  codec::EncodeState st(e);
  std::string out;
  if (!codec::encode(st, text, text->cps(), errors, true, &out)) return nullptr;
  return new_bytes(out);
}

Object* codec_decode(std::string_view data, std::string_view encoding, std::string_view errors) {
  const codec::Entry* e = codec::find(encoding);
  if (!e) return unknown_encoding(encoding);
  codec::DecodeState st(e);
  std::u32string out;
  size_t consumed;
  if (!codec::decode(st, data, errors, true, &out, &consumed)) return nullptr;
  return new_str_from_cps(out);
}

}  // namespace gopy
