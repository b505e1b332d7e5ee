// The _binascii module plugin: hex, base64 and the CRCs between binary data and ASCII; the
// binascii module (lib/python3.14/binascii.py) defines binascii.Error and the keyword
// arguments over it (CPython: Modules/binascii.c).
#include <array>
#include <cstdint>
#include <string>

#include "../common/native_module.hpp"
#include "gopy/object.hpp"
#include "gopy/object_bytes.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"

namespace gopy::binascii {
namespace {

ModuleObject* the_module = nullptr;  // borrowed: set by the exec hook

using native::guarded;

// Raises binascii.Error (stored in _binascii by binascii.py).
std::nullptr_t binascii_error(const std::string& message) {
  return native::raise_module_error(the_module, "Error", message);
}

bool binary_arg(Object* o, std::string_view* out) {
  if (bytes_like_view(o, out)) return true;
  type_error(std::string("a bytes-like object is required, not '") + type_name(o) + "'");
  return false;
}

// The a2b_* functions also take an ASCII str (CPython: ascii_buffer_converter).
bool ascii_arg(Object* o, std::string_view* out) {
  if (is_str(o)) {
    if (!as_str(o)->ascii) {
      value_error("string argument should contain only ASCII characters");
      return false;
    }
    *out = as_str(o)->view();
    return true;
  }
  if (bytes_like_view(o, out)) return true;
  type_error(std::string("argument should be bytes, buffer or ASCII string, not '") + type_name(o) + "'");
  return false;
}

const char kHexDigits[] = "0123456789abcdef";
const char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int b64_value(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// hexlify(data, sep, bytes_per_sep): sep is None or a one-character str or bytes; groups
// count from the right when bytes_per_sep > 0 (CPython: Python/pystrhex.c).
Object* hexlify(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return guarded([&]() -> Object* {
    if (!check_no_kwargs("hexlify", kwnames) || !check_nargs("hexlify", nargs, 3, 3)) return nullptr;
    std::string_view data;
    if (!binary_arg(args[0], &data)) return nullptr;
    std::string sep;
    if (args[1] != None()) {
      // CPython: Python/pystrhex.c: a str or bytes of length 1; a str one up to U+00FF
      // (the result is bytes, so any byte may separate)
      ssize length = is_str(args[1]) ? as_str(args[1])->length : object_length(args[1]);
      if (length < 0) return nullptr;
      if (length != 1) return value_error("sep must be length 1.");
      std::string_view s;
      if (is_str(args[1])) {
        s = as_str(args[1])->view();
        unsigned char lead = static_cast<unsigned char>(s[0]);
        if (lead < 0x80) sep = std::string(1, char(lead));
        else if ((lead & 0xE0) == 0xC0 && lead <= 0xC3)  // U+0080..U+00FF
          sep = std::string(1, char(((lead & 0x1F) << 6) | (static_cast<unsigned char>(s[1]) & 0x3F)));
        else return value_error("sep must be ASCII.");
      } else if (args[1]->type == &bytes_type || is_subtype(args[1]->type, &bytes_type)) {
        bytes_like_view(args[1], &s);
        sep = std::string(s);
      } else {
        return type_error("sep must be str or bytes.");
      }
    }
    ssize per = 0;
    if (!index_as_ssize(args[2], &per)) return nullptr;
    std::string out;
    out.reserve(data.size() * 3);
    size_t group = per < 0 ? size_t(-per) : size_t(per);
    for (size_t i = 0; i < data.size(); ++i) {
      if (!sep.empty() && group && i) {
        bool boundary = per > 0 ? (data.size() - i) % group == 0 : i % group == 0;
        if (boundary) out += sep;
      }
      unsigned char c = static_cast<unsigned char>(data[i]);
      out.push_back(kHexDigits[c >> 4]);
      out.push_back(kHexDigits[c & 15]);
    }
    return new_bytes(out);
  });
}

Object* unhexlify(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return guarded([&]() -> Object* {
    if (!check_no_kwargs("unhexlify", kwnames) || !check_nargs("unhexlify", nargs, 1, 1)) return nullptr;
    std::string_view text;
    if (!ascii_arg(args[0], &text)) return nullptr;
    if (text.size() % 2) return binascii_error("Odd-length string");
    std::string out(text.size() / 2, '\0');
    for (size_t i = 0; i < out.size(); ++i) {
      int hi = hex_value(static_cast<unsigned char>(text[2 * i]));
      int lo = hex_value(static_cast<unsigned char>(text[2 * i + 1]));
      if (hi < 0 || lo < 0) return binascii_error("Non-hexadecimal digit found");
      out[i] = char(hi << 4 | lo);
    }
    return new_bytes(out);
  });
}

// b2a_base64(data, newline)
Object* b2a_base64(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return guarded([&]() -> Object* {
    if (!check_no_kwargs("b2a_base64", kwnames) || !check_nargs("b2a_base64", nargs, 2, 2)) return nullptr;
    std::string_view data;
    if (!binary_arg(args[0], &data)) return nullptr;
    int newline = object_is_true(args[1]);
    if (newline < 0) return nullptr;
    std::string out;
    out.reserve((data.size() + 2) / 3 * 4 + 1);
    size_t i = 0;
    auto byte = [&](size_t k) { return uint32_t(static_cast<unsigned char>(data[k])); };
    for (; i + 3 <= data.size(); i += 3) {
      uint32_t v = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
      out += {kB64[v >> 18], kB64[(v >> 12) & 63], kB64[(v >> 6) & 63], kB64[v & 63]};
    }
    if (data.size() - i == 1) {
      uint32_t v = byte(i) << 16;
      out += {kB64[v >> 18], kB64[(v >> 12) & 63], '=', '='};
    } else if (data.size() - i == 2) {
      uint32_t v = byte(i) << 16 | byte(i + 1) << 8;
      out += {kB64[v >> 18], kB64[(v >> 12) & 63], kB64[(v >> 6) & 63], '='};
    }
    if (newline) out.push_back('\n');
    return new_bytes(out);
  });
}

// a2b_base64(data, strict_mode) (CPython: binascii_a2b_base64_impl, 3.14's rules).
Object* a2b_base64(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return guarded([&]() -> Object* {
    if (!check_no_kwargs("a2b_base64", kwnames) || !check_nargs("a2b_base64", nargs, 2, 2)) return nullptr;
    std::string_view text;
    if (!ascii_arg(args[0], &text)) return nullptr;
    int strict = object_is_true(args[1]);
    if (strict < 0) return nullptr;
    std::string out;
    out.reserve(text.size() / 4 * 3 + 3);
    int quad_pos = 0, pads = 0;
    unsigned leftchar = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (c == '=') {
        ++pads;
        if (quad_pos >= 2 && quad_pos + pads <= 4) continue;
        if (!strict) continue;
        if (quad_pos == 1) break;
        return binascii_error(quad_pos == 0 && i == 0 ? "Leading padding not allowed" : "Excess padding not allowed");
      }
      int v = b64_value(c);
      if (v < 0) {
        if (strict) return binascii_error("Only base64 data is allowed");
        continue;
      }
      if (pads && strict)
        return binascii_error(quad_pos + pads == 4 ? "Excess data after padding" : "Discontinuous padding not allowed");
      pads = 0;
      switch (quad_pos) {
        case 0: quad_pos = 1; leftchar = unsigned(v); break;
        case 1: quad_pos = 2; out.push_back(char(leftchar << 2 | unsigned(v) >> 4)); leftchar = unsigned(v) & 0x0f; break;
        case 2: quad_pos = 3; out.push_back(char(leftchar << 4 | unsigned(v) >> 2)); leftchar = unsigned(v) & 0x03; break;
        default: quad_pos = 0; out.push_back(char(leftchar << 6 | unsigned(v))); leftchar = 0; break;
      }
    }
    if (quad_pos == 1)
      return binascii_error("Invalid base64-encoded string: number of data characters (" +
                            std::to_string(out.size() / 3 * 4 + 1) + ") cannot be 1 more than a multiple of 4");
    if (quad_pos != 0 && quad_pos + pads < 4) return binascii_error("Incorrect padding");
    return new_bytes(out);
  });
}

uint32_t crc32_update(uint32_t crc, std::string_view data) {
  static const auto table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t n = 0; n < 256; ++n) {
      uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  crc = ~crc;
  for (char ch : data) crc = table[(crc ^ static_cast<unsigned char>(ch)) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

// The low 32 (or 16) bits of an int start value, as CPython masks it.
bool start_value(Object* o, uint64_t mask, uint64_t* out) {
  if (!is_int(o)) {
    type_error(std::string("'") + type_name(o) + "' object cannot be interpreted as an integer");
    return false;
  }
  Ref<> m = Ref<>::steal(new_int(int64_t(mask)));
  Ref<> low = Ref<>::steal(binary_op(o, m.get(), BinaryOp::and_));
  if (!low) return false;
  int64_t v = 0;
  int_to_int64(low.get(), &v);
  *out = uint64_t(v);
  return true;
}

Object* crc32(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return guarded([&]() -> Object* {
    if (!check_no_kwargs("crc32", kwnames) || !check_nargs("crc32", nargs, 1, 2)) return nullptr;
    std::string_view data;
    if (!binary_arg(args[0], &data)) return nullptr;
    uint64_t start = 0;
    if (nargs > 1 && !start_value(args[1], 0xFFFFFFFFu, &start)) return nullptr;
    return new_int(int64_t(crc32_update(uint32_t(start), data)));
  });
}

// CRC-CCITT (XMODEM): polynomial 0x1021, no reflection (CPython: binascii_crc_hqx_impl).
Object* crc_hqx(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return guarded([&]() -> Object* {
    if (!check_no_kwargs("crc_hqx", kwnames) || !check_nargs("crc_hqx", nargs, 2, 2)) return nullptr;
    std::string_view data;
    if (!binary_arg(args[0], &data)) return nullptr;
    uint64_t start = 0;
    if (!start_value(args[1], 0xFFFFu, &start)) return nullptr;
    uint32_t crc = uint32_t(start);
    for (char ch : data) {
      crc ^= uint32_t(static_cast<unsigned char>(ch)) << 8;
      for (int k = 0; k < 8; ++k) crc = crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1;
      crc &= 0xFFFF;
    }
    return new_int(int64_t(crc));
  });
}

int exec_module(gopy_plugin_context*, gopy_Object* module) {
  the_module = reinterpret_cast<ModuleObject*>(module);
  return native::add_functions(module, {
                                           {"hexlify", hexlify},
                                           {"unhexlify", unhexlify},
                                           {"b2a_base64", b2a_base64},
                                           {"a2b_base64", a2b_base64},
                                           {"crc32", crc32},
                                           {"crc_hqx", crc_hqx},
                                       });
}

const gopy_ModuleDef kModule = {GOPY_MODULE_API_VERSION, "_binascii", "binascii's native conversions",
                                nullptr, nullptr, nullptr, nullptr, exec_module};

}  // namespace
}  // namespace gopy::binascii

GOPY_NATIVE_MODULE_PLUGIN(gopy_plugin__binascii, "_binascii")
GOPY_MODULE_INIT(_binascii, gopy::binascii::kModule)
