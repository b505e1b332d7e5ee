// Format strings: the byte order prefix, repeat counts, the format characters and their
// native or standard sizes and alignment (CPython: Modules/_struct.c whichtable, getentry,
// align, prepare_s).
#include <cstdint>
#include <limits>
#include <map>

#include "gopy/codecs.hpp"
#include "struct_internal.hpp"

namespace gopy::structmod {
namespace {

struct Entry {
  char format;
  size_t native_size;
  size_t native_align;
  size_t standard_size;  // 0: native only
};

// x86-64 / AArch64 Linux: long, size_t and pointers are 8 bytes.
constexpr Entry kEntries[] = {
    {'x', 1, 1, 1}, {'c', 1, 1, 1}, {'b', 1, 1, 1}, {'B', 1, 1, 1}, {'?', 1, 1, 1},
    {'h', 2, 2, 2}, {'H', 2, 2, 2}, {'i', 4, 4, 4}, {'I', 4, 4, 4}, {'l', 8, 8, 4},
    {'L', 8, 8, 4}, {'q', 8, 8, 8}, {'Q', 8, 8, 8}, {'n', 8, 8, 0}, {'N', 8, 8, 0},
    {'e', 2, 2, 2}, {'f', 4, 4, 4}, {'d', 8, 8, 8}, {'F', 8, 4, 8}, {'D', 16, 8, 16},
    {'s', 1, 1, 1}, {'p', 1, 1, 1}, {'P', 8, 8, 0},
};

const Entry* entry_for(char c, bool native) {
  for (const Entry& e : kEntries)
    if (e.format == c) return native || e.standard_size ? &e : nullptr;
  return nullptr;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

constexpr size_t kMax = size_t(std::numeric_limits<ssize>::max());

std::nullptr_t too_long() { return struct_error("total struct size too long"); }

Layout* parse(std::string_view fmt, Layout* layout) {
  size_t i = 0;
  if (!fmt.empty()) {
    switch (fmt[0]) {
      case '@': i = 1; break;
      case '=': layout->native = false; i = 1; break;
      case '<': layout->native = false; i = 1; break;
      case '>': case '!': layout->native = false; layout->little_endian = false; i = 1; break;
      default: break;
    }
  }
  size_t size = 0, items = 0;
  while (i < fmt.size()) {
    char c = fmt[i++];
    if (is_space(c)) continue;
    size_t num = 1;
    if (c >= '0' && c <= '9') {
      num = size_t(c - '0');
      for (;;) {
        if (i == fmt.size()) return struct_error("repeat count given without format specifier");
        c = fmt[i++];
        if (c < '0' || c > '9') break;
        if (num > (kMax - size_t(c - '0')) / 10) return too_long();
        num = num * 10 + size_t(c - '0');
      }
    }
    const Entry* e = entry_for(c, layout->native);
    if (!e) return struct_error("bad char in struct format");
    size_t item_size = layout->native ? e->native_size : e->standard_size;
    if (layout->native && size > 0) {
      size_t align = e->native_align;
      size_t extra = (align - 1) - (size - 1) % align;
      if (extra > kMax - size) return too_long();
      size += extra;
    }
    Code code{c, item_size, num, size};
    size_t bytes = (c == 's' || c == 'p') ? num : num * item_size;
    if (num && bytes / num != ((c == 's' || c == 'p') ? 1 : item_size)) return too_long();
    if (bytes > kMax - size) return too_long();
    size += bytes;
    if (c == 's' || c == 'p') ++items;
    else if (c != 'x') items += num;
    if (num || c == 's' || c == 'p') layout->codes.push_back(code);
  }
  layout->size = size;
  layout->items = items;
  return layout;
}

}  // namespace

const Layout* layout_for(Object* format) {
  std::string_view text;
  if (is_str(format)) {
    text = as_str(format)->view();
    for (char ch : text)
      if (static_cast<unsigned char>(ch) >= 0x80) {
        // Non-ASCII text cannot name a format: CPython encodes it to ASCII first, and
        // the codec's error is the one raised.
        Object* encoded = codec_encode(as_str(format), "ascii", "strict");
        if (!encoded) return nullptr;
        decref(encoded);
        break;
      }
  } else if (is_bytes(format)) {
    text = as_bytes(format)->data;
  } else {
    type_error(std::string("Struct() argument 1 must be a str or bytes object, not ") + type_name(format));
    return nullptr;
  }
  if (text.find('\0') != std::string_view::npos) return struct_error("embedded null character");
  static std::map<std::string, Layout, std::less<>> cache;
  auto it = cache.find(text);
  if (it != cache.end()) return &it->second;
  Layout layout;
  if (!parse(text, &layout)) return nullptr;
  if (cache.size() > 512) cache.clear();
  return &cache.emplace(std::string(text), std::move(layout)).first->second;
}

}  // namespace gopy::structmod
