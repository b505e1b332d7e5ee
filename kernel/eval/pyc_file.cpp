// Code objects to bytes and back (gopy's marshal), inside the cache file's header.
// CPython: Python/marshal.c w_object/r_object, Lib/importlib/_bootstrap_external.py
// _code_to_timestamp_pyc, _classify_pyc.
#include "gopy/pyc.hpp"

#include <cstring>
#include <optional>

#include "eval/code.hpp"
#include "gopy/object_bytes.hpp"
#include "gopy/object_complex.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_num.hpp"
#include "object/module_api_objects.hpp"

namespace gopy {

namespace {

constexpr std::uint32_t kFormatVersion = 11;  // bump when the layout, the checksum or the code made changes

constexpr std::uint64_t kFnvBasis = 1469598103934665603ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

constexpr std::uint64_t fnv1a(std::string_view data, std::uint64_t h = kFnvBasis) {
  for (char c : data) {
    h ^= static_cast<unsigned char>(c);
    h *= kFnvPrime;
  }
  return h;
}

// The checksum of a file's body and the hash of a source: FNV-1a's step over 8-byte words
// in four independent lanes, then the tail byte by byte. Each step is a bijection of the
// lane and of the word, so a change within one word always changes the sum; a cut file
// changes the length mixed in. Words are read in host order: the cache is the machine's
// own. Byte by byte, the serial multiply made checking a module's cached code cost more
// than reading it (about 3 ns a byte).
std::uint64_t fast_hash(std::string_view data, std::uint64_t seed) {
  std::uint64_t lanes[4] = {seed, seed ^ kFnvPrime, seed ^ (kFnvPrime << 1), seed ^ (kFnvPrime << 2)};
  const char* p = data.data();
  size_t n = data.size();
  size_t i = 0;
  for (; i + 32 <= n; i += 32)
    for (int k = 0; k < 4; ++k) {
      std::uint64_t word;
      std::memcpy(&word, p + i + 8 * k, 8);
      lanes[k] = (lanes[k] ^ word) * kFnvPrime;
    }
  std::uint64_t h = std::uint64_t(n);
  for (std::uint64_t lane : lanes) h = (h ^ lane) * kFnvPrime;
  return fnv1a(data.substr(i), h);
}

#define GOPY_OP_NAME(name) #name ","
constexpr std::string_view kOpcodeNames = GOPY_OPCODES(GOPY_OP_NAME);
#undef GOPY_OP_NAME

// 2 bytes that follow the opcode table and the format, then "\r\n" as CPython's.
constexpr std::uint16_t kMagic = std::uint16_t(fnv1a(kOpcodeNames, kFormatVersion) & 0xffff) | 0x8000;

enum Tag : char {
  kNone = 'N', kTrue = 'T', kFalse = 'F', kEllipsis = '.', kSmallInt = 'i', kBigInt = 'l',
  kFloat = 'f', kStr = 's', kInterned = 'S', kBytes = 'b', kTuple = '(', kCode = 'c',
  kComplex = 'x', kExceptionClass = 'E',  // a built-in exception class, by name (__annotate__'s)
};

class Writer {
 public:
  std::string out;
  bool ok = true;

  void u8(std::uint8_t v) { out.push_back(char(v)); }
  void u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(char((v >> (8 * i)) & 0xff));
  }
  void u64(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out.push_back(char((v >> (8 * i)) & 0xff));
  }
  void i32(std::int32_t v) { u32(std::uint32_t(v)); }
  void bytes(std::string_view s) {
    u32(std::uint32_t(s.size()));
    out.append(s);
  }
  void ints(const std::vector<int>& v) {
    u32(std::uint32_t(v.size()));
    for (int x : v) i32(x);
  }
  void names(const std::vector<StrObject*>& v) {
    u32(std::uint32_t(v.size()));
    for (StrObject* s : v) bytes(s->utf8);
  }
  // A kept str (name, qualname, filename) by its index among the constants.
  void const_ref(const CodeObject* c, const Object* o) {
    for (size_t i = 0; i < c->consts.size(); ++i)
      if (c->consts[i] == o) {
        i32(int(i));
        return;
      }
    ok = false;
  }

  void object(Object* o) {
    if (!ok) return;
    if (o == None()) return u8(kNone);
    if (o == True()) return u8(kTrue);
    if (o == False()) return u8(kFalse);
    if (o == &ellipsis_object) return u8(kEllipsis);
    if (o->type == &int_type) {
      if (int_is_small(o)) {
        u8(kSmallInt);
        return u64(std::uint64_t(int_small_value(o)));
      }
      u8(kBigInt);
      return bytes(int_to_base_string(o, 16, false));
    }
    if (o->type == &float_type) {
      u8(kFloat);
      std::uint64_t bits;
      std::memcpy(&bits, &static_cast<FloatObject*>(o)->value, 8);
      return u64(bits);
    }
    if (o->type == &str_type) {
      u8(as_str(o)->interned ? kInterned : kStr);
      return bytes(as_str(o)->utf8);
    }
    if (o->type == &bytes_type) {
      u8(kBytes);
      return bytes(static_cast<BytesObject*>(o)->data);
    }
    if (o->type == &tuple_type) {
      auto* t = static_cast<TupleObject*>(o);
      u8(kTuple);
      u32(std::uint32_t(t->items.size()));
      for (Object* item : t->items) object(item);
      return;
    }
    if (o->type == &complex_type) {
      u8(kComplex);
      for (double part : {static_cast<ComplexObject*>(o)->real, static_cast<ComplexObject*>(o)->imag}) {
        std::uint64_t bits;
        std::memcpy(&bits, &part, 8);
        u64(bits);
      }
      return;
    }
    if (is_exception_class(o)) {
      auto* t = static_cast<TypeObject*>(o);
      if (!(t->flags & TypeFlags::heap) && builtin_exception(t->name.c_str()) == t) {
        u8(kExceptionClass);
        return bytes(t->name);
      }
    }
    if (o->type == &code_type) return code(static_cast<CodeObject*>(o));
    ok = false;  // a constant of another type: not stored
  }

  void code(CodeObject* c) {
    u8(kCode);
    u8(std::uint8_t(c->kind));
    u32(std::uint32_t(c->consts.size()));
    for (Object* k : c->consts) object(k);
    const_ref(c, c->name);
    const_ref(c, c->qualname);
    const_ref(c, c->filename);
    for (int v : {c->firstlineno, c->argcount, c->posonlycount, c->kwonlycount, c->nlocals, c->class_cell,
                  c->stacksize, c->frame_words, c->slot_count, c->max_exc_level})
      i32(v);
    u8(std::uint8_t(c->has_varargs | c->has_varkw << 1 | c->is_generator << 2 | c->positional_only_call << 3 |
                    c->is_coroutine << 4 | c->is_async_generator << 5));
    if (c->doc) {
      const_ref(c, c->doc);
    } else {
      i32(-1);
    }
    names(c->varnames);
    names(c->cellnames);
    names(c->freenames);
    ints(c->cell_from_arg);
    ints(c->closure_slots);
    u32(std::uint32_t(c->instrs.size()));
    for (const Instr& in : c->instrs) {
      u32(std::uint32_t(in.op) | std::uint32_t(in.b) << 16);
      i32(in.a);
    }
    ints(c->lines);
    u32(std::uint32_t(c->spans.size()));
    for (const SourceSpan& sp : c->spans) {
      u32(std::uint32_t(std::uint16_t(sp.col)) | std::uint32_t(std::uint16_t(sp.end_col)) << 16);
      u32(std::uint32_t(std::uint16_t(sp.left_end)) | std::uint32_t(std::uint16_t(sp.right_start)) << 16);
      u8(std::uint8_t(sp.anchor));
    }
    ints(c->handler_of);
    u32(std::uint32_t(c->handlers.size()));
    for (const ExceptionHandler& h : c->handlers) {
      i32(h.target);
      i32(h.depth);
    }
    u32(std::uint32_t(c->name_caches.size()));
    u32(std::uint32_t(c->attr_caches.size()));
  }
};

// Every read is bounds-checked; a malformed body sets `ok` false and yields nothing.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok = true;

  bool take(size_t n, const char** p) {
    if (!ok || in_.size() - pos_ < n) return ok = false;
    *p = in_.data() + pos_;
    pos_ += n;
    return true;
  }
  std::uint8_t u8() {
    const char* p;
    return take(1, &p) ? std::uint8_t(*p) : 0;
  }
  std::uint32_t u32() {
    const char* p;
    return take(4, &p) ? le32(p) : 0;
  }
  std::uint64_t u64() {
    std::uint64_t lo = u32();
    return lo | std::uint64_t(u32()) << 32;
  }
  std::int32_t i32() { return std::int32_t(u32()); }
  std::string_view bytes() {
    std::uint32_t n = u32();
    const char* p;
    return take(n, &p) ? std::string_view(p, n) : std::string_view();
  }
  // A count of items each at least `min_size` bytes long (guards huge allocations).
  std::uint32_t count(size_t min_size) {
    std::uint32_t n = u32();
    if (ok && size_t(n) * min_size > in_.size() - pos_) ok = false;
    return ok ? n : 0;
  }
  // Little-endian fields read from a block already checked to be there.
  static std::uint32_t le32(const char* p) {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= std::uint32_t(std::uint8_t(p[i])) << (8 * i);
    return v;
  }
  // The bytes of `n` records of `size` bytes, in one bounds check (null when short).
  const char* records(std::uint32_t n, size_t size) {
    const char* p = nullptr;
    return take(size_t(n) * size, &p) ? p : nullptr;
  }
  std::vector<int> ints() {
    std::vector<int> v(count(4));
    if (const char* p = records(std::uint32_t(v.size()), 4))
      for (size_t i = 0; i < v.size(); ++i) v[i] = int(std::int32_t(le32(p + 4 * i)));
    return v;
  }
  std::vector<StrObject*> names() {
    std::vector<StrObject*> v;
    for (std::uint32_t n = count(4); ok && n > 0; --n) v.push_back(intern(bytes()));
    return v;
  }

  Object* object(int depth = 0) {
    if (!ok || depth > 100) return fail();
    switch (u8()) {
      case kNone: return new_ref(None());
      case kTrue: return new_ref(True());
      case kFalse: return new_ref(False());
      case kEllipsis: return new_ref(&ellipsis_object);
      case kSmallInt: return new_int(std::int64_t(u64()));
      case kBigInt: {
        std::string_view digits = bytes();
        Object* v = ok ? int_from_digits(digits, 16) : nullptr;
        if (!v) clear_error();
        return v ? v : fail();
      }
      case kFloat: {
        std::uint64_t bits = u64();
        double d;
        std::memcpy(&d, &bits, 8);
        return new_float(d);
      }
      case kStr: {
        std::string_view s = bytes();
        return ok ? new_str(s) : fail();
      }
      case kInterned: {
        std::string_view s = bytes();
        return ok ? new_ref(intern(s)) : fail();
      }
      case kBytes: {
        std::string_view s = bytes();
        return ok ? new_bytes(s) : fail();
      }
      case kTuple: {
        std::vector<Object*> items;
        for (std::uint32_t n = count(1); ok && n > 0; --n) {
          Object* item = object(depth + 1);
          if (!item) break;
          items.push_back(item);
        }
        if (!ok) {
          for (Object* item : items) decref(item);
          return nullptr;
        }
        return new_tuple_steal(std::move(items));
      }
      case kComplex: {
        double parts[2];
        for (double& part : parts) {
          std::uint64_t bits = u64();
          std::memcpy(&part, &bits, 8);
        }
        return ok ? new_complex(parts[0], parts[1]) : fail();
      }
      case kExceptionClass: {
        std::string name(bytes());
        TypeObject* t = ok ? builtin_exception(name.c_str()) : nullptr;
        return t ? new_ref<Object>(t) : fail();
      }
      case kCode: return code(depth);
      default: return fail();
    }
  }

 private:
  std::nullptr_t fail() {
    ok = false;
    return nullptr;
  }

  // A const index that names a str.
  StrObject* const_str(CodeObject* c) {
    std::int32_t i = i32();
    if (!ok || i < 0 || size_t(i) >= c->consts.size() || !is_str(c->consts[size_t(i)])) return fail();
    return as_str(c->consts[size_t(i)]);
  }

  Object* code(int depth) {
    auto* c = make<CodeObject>();
    std::uint8_t kind = u8();
    if (kind > std::uint8_t(CodeKind::genexpr)) ok = false;
    c->kind = CodeKind(kind);
    for (std::uint32_t n = count(1); ok && n > 0; --n) {
      Object* k = object(depth + 1);
      if (k) c->consts.push_back(k);
    }
    c->name = const_str(c);
    c->qualname = const_str(c);
    c->filename = const_str(c);
    for (int* v : {&c->firstlineno, &c->argcount, &c->posonlycount, &c->kwonlycount, &c->nlocals, &c->class_cell,
                   &c->stacksize, &c->frame_words, &c->slot_count, &c->max_exc_level})
      *v = i32();
    std::uint8_t flags = u8();
    c->has_varargs = flags & 1;
    c->has_varkw = flags & 2;
    c->is_generator = flags & 4;
    c->positional_only_call = flags & 8;
    c->is_coroutine = flags & 16;
    c->is_async_generator = flags & 32;
    std::int32_t doc = i32();  // a const index, or -1
    if (doc >= 0 && size_t(doc) >= c->consts.size()) ok = false;
    if (ok && doc >= 0) c->doc = c->consts[size_t(doc)];
    c->varnames = names();
    c->cellnames = names();
    c->freenames = names();
    c->cell_from_arg = ints();
    c->closure_slots = ints();
    c->instrs.resize(count(8));
    if (const char* p = records(std::uint32_t(c->instrs.size()), 8))
      for (Instr& in : c->instrs) {
        std::uint32_t opb = le32(p);
        in.op = Op(opb & 0xffff);
        in.b = std::uint16_t(opb >> 16);
        in.a = std::int32_t(le32(p + 4));
        p += 8;
      }
    c->lines = ints();
    c->spans.resize(count(9));
    if (const char* p = records(std::uint32_t(c->spans.size()), 9))
      for (SourceSpan& sp : c->spans) {
        std::uint32_t cols = le32(p), anchors = le32(p + 4);
        sp.col = short(std::uint16_t(cols));
        sp.end_col = short(std::uint16_t(cols >> 16));
        sp.left_end = short(std::uint16_t(anchors));
        sp.right_start = short(std::uint16_t(anchors >> 16));
        std::uint8_t kind = std::uint8_t(p[8]);
        if (kind > std::uint8_t(SourceSpan::Anchor::whole_value)) ok = false;
        sp.anchor = SourceSpan::Anchor(kind);
        p += 9;
      }
    c->handler_of = ints();
    c->handlers.resize(count(8));
    if (const char* p = records(std::uint32_t(c->handlers.size()), 8))
      for (ExceptionHandler& h : c->handlers) {
        h.target = std::int32_t(le32(p));
        h.depth = std::int32_t(le32(p + 4));
        p += 8;
      }
    c->name_caches.resize(count(0));
    c->attr_caches.resize(count(0));
    if (ok && !consistent(c)) ok = false;
    if (!ok) {
      decref(c);
      return nullptr;
    }
    return c;
  }

  // The shape the evaluator relies on: one line and handler entry per instruction, known
  // opcodes, handler indices and cache operands in range.
  static bool consistent(const CodeObject* c) {
    size_t n = c->instrs.size();
    if (c->lines.size() != n || c->spans.size() != n || c->handler_of.size() != n || n == 0) return false;
    // slot_count and frame_words are computed on the first call (frame_words()): a code
    // object written before it ever ran carries zeros for both.
    bool slots_ok = c->frame_words == 0 ? c->slot_count == 0 : c->slot_count == c->nslots();
    if (c->nlocals < 0 || c->varnames.size() < size_t(c->nlocals) || !slots_ok || c->stacksize < 0 ||
        c->frame_words < 0)
      return false;
    constexpr size_t kOps = [] {
      size_t k = 0;
#define GOPY_OP_COUNT(name) ++k;
      GOPY_OPCODES(GOPY_OP_COUNT)
#undef GOPY_OP_COUNT
      return k;
    }();
    for (size_t i = 0; i < n; ++i) {
      if (size_t(c->instrs[i].op) >= kOps) return false;
      int h = c->handler_of[i];
      if (h < -1 || h >= int(c->handlers.size())) return false;
    }
    for (const ExceptionHandler& h : c->handlers)
      if (h.target < 0 || size_t(h.target) >= n) return false;
    return true;
  }

  std::string_view in_;
  size_t pos_ = 0;
};

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(char((v >> (8 * i)) & 0xff));
}

std::uint32_t get_u32(std::string_view s, size_t at) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= std::uint32_t(std::uint8_t(s[at + size_t(i)])) << (8 * i);
  return v;
}

constexpr size_t kHeaderSize = 16;
constexpr size_t kChecksumSize = 8;

}  // namespace

std::string pyc_magic() {
  std::string m;
  m.push_back(char(kMagic & 0xff));
  m.push_back(char(kMagic >> 8));
  m += "\r\n";
  return m;
}

std::uint64_t pyc_source_hash(std::string_view source) { return fast_hash(source, kMagic); }

std::string pyc_encode(const PycHeader& header, Object* code) {
  if (!code || code->type != &code_type) return "";
  Writer body;
  body.object(code);
  if (!body.ok) return "";
  std::string out = pyc_magic();
  put_u32(out, header.flags);
  if (header.flags & PycHeader::hash_based) {
    put_u32(out, std::uint32_t(header.hash));
    put_u32(out, std::uint32_t(header.hash >> 32));
  } else {
    put_u32(out, header.mtime);
    put_u32(out, header.size);
  }
  std::uint64_t sum = fast_hash(body.out, kFnvBasis);
  put_u32(out, std::uint32_t(sum));
  put_u32(out, std::uint32_t(sum >> 32));
  return out + body.out;
}

bool pyc_read_header(std::string_view file, PycHeader* header) {
  if (file.size() < kHeaderSize || file.substr(0, 4) != pyc_magic()) return false;
  header->flags = get_u32(file, 4);
  if (header->flags & ~std::uint32_t(PycHeader::hash_based | PycHeader::check_source)) return false;
  if (header->flags & PycHeader::hash_based) {
    header->hash = get_u32(file, 8) | std::uint64_t(get_u32(file, 12)) << 32;
  } else {
    header->mtime = get_u32(file, 8);
    header->size = get_u32(file, 12);
  }
  return true;
}

Object* pyc_load_code(std::string_view file) {
  PycHeader header;
  if (!pyc_read_header(file, &header) || file.size() < kHeaderSize + kChecksumSize) return nullptr;
  std::uint64_t sum = get_u32(file, kHeaderSize) | std::uint64_t(get_u32(file, kHeaderSize + 4)) << 32;
  std::string_view body = file.substr(kHeaderSize + kChecksumSize);
  if (fast_hash(body, kFnvBasis) != sum) return nullptr;
  Reader reader(body);
  Object* code = reader.object();
  if (code && (!reader.ok || code->type != &code_type)) {
    decref(code);
    return nullptr;
  }
  return code;
}

}  // namespace gopy
