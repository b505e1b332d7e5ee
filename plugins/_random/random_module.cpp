// _random: the Mersenne Twister generator type Random, which random.Random derives from,
// and urandom (getrandom(2)) for random.SystemRandom (CPython: Modules/_randommodule.c,
// Modules/posixmodule.c os_urandom_impl). A module plugin on the kernel's C++ API: its
// type can be subclassed and its methods are called as the built-in types' are.
#include <sys/random.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <chrono>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include "gopy/module.h"
#include "gopy/object_bytes.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_num.hpp"
#include "gopy/plugin.hpp"
#include "mersenne_twister.hpp"
#include "native/native_type.hpp"

namespace gopy_random {
namespace {

using namespace gopy;
using MT = MersenneTwister;

struct RandomObject : GcObject {
  MT mt;
  TypeObject* keep_type;  // owned: the type outlives its instances, whatever their class
  explicit RandomObject(TypeObject* t) : GcObject(t), keep_type(new_ref(t)) {}
  ~RandomObject() override { clear_refs(); }
  void clear_refs() override {
    TypeObject* t = keep_type;
    keep_type = nullptr;
    xdecref(t);
  }
  int traverse(VisitFn visit, void* arg) override { return visit_ref(keep_type, visit, arg); }
};

TypeObject* random_type = nullptr;  // borrowed from the module while it is loaded

RandomObject* self_of(Object* const* args) { return static_cast<RandomObject*>(args[0]); }

// Fills `out` from the kernel's random source; false with OSError.
bool read_urandom(void* out, size_t size) {
  auto* p = static_cast<unsigned char*>(out);
  while (size > 0) {
    ssize_t got = getrandom(p, size, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      set_error(os_error_type_for_errno(errno), std::strerror(errno));
      return false;
    }
    p += got;
    size -= size_t(got);
  }
  return true;
}

// CPython: random_seed_urandom, falling back to random_seed_time_pid.
void seed_from_system(MT& mt) {
  uint32_t key[MT::kN];
  if (read_urandom(key, sizeof key)) {
    mt.init_by_array(key, MT::kN);
    return;
  }
  clear_error();
  auto now = std::chrono::system_clock::now().time_since_epoch();
  uint64_t ns = uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(now).count());
  uint64_t mono = uint64_t(std::chrono::steady_clock::now().time_since_epoch().count());
  uint32_t k[5] = {uint32_t(ns), uint32_t(ns >> 32), uint32_t(getpid()), uint32_t(mono), uint32_t(mono >> 32)};
  mt.init_by_array(k, 5);
}

// The 32-bit words of abs(n), least significant first (CPython: random_seed, through
// _PyLong_AsByteArray).
bool words_of(Object* n, std::vector<uint32_t>* words) {
  Ref<> absolute = Ref<>::steal(int_sign(n) < 0 ? unary_op(n, UnaryOp::neg) : new_ref(n));
  if (!absolute) return false;
  std::string hex = int_to_base_string(absolute.get(), 16, false);
  for (size_t end = hex.size(); end > 0; end = end >= 8 ? end - 8 : 0) {
    size_t begin = end >= 8 ? end - 8 : 0;
    words->push_back(uint32_t(std::stoul(hex.substr(begin, end - begin), nullptr, 16)));
    if (begin == 0) break;
  }
  return true;
}

// CPython: random_seed: None seeds from the system; an int by its absolute value; any
// other object by its hash taken as an unsigned 64-bit number (PyLong_FromSize_t).
bool seed_with(RandomObject* self, Object* arg) {
  if (arg == nullptr || arg == None()) {
    seed_from_system(self->mt);
    return true;
  }
  std::vector<uint32_t> words;
  if (is_int(arg)) {
    if (!words_of(arg, &words)) return false;
  } else {
    int64_t h = object_hash(arg);
    if (h == -1 && error_occurred()) return false;
    uint64_t u = uint64_t(h);
    words.push_back(uint32_t(u));
    if (u >> 32) words.push_back(uint32_t(u >> 32));
  }
  self->mt.init_by_array(words.data(), words.size());
  return true;
}

Object* r_seed(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("Random.seed", kw) || !check_nargs("Random.seed", n - 1, 0, 1)) return nullptr;
  if (!seed_with(self_of(a), n > 1 ? a[1] : nullptr)) return nullptr;
  return new_none();
}

Object* r_random(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if ((kw || n != 1) && (!check_no_kwargs("Random.random", kw) || !check_nargs("Random.random", n - 1, 0, 0))) return nullptr;
  return new_float(self_of(a)->mt.next_double());
}

// CPython: _random_Random_getrandbits_impl: k bits, built from 32-bit words with the
// first draw least significant.
Object* r_getrandbits(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("Random.getrandbits", kw) || !check_nargs("Random.getrandbits", n - 1, 1, 1)) return nullptr;
  Ref<> index = Ref<>::steal(number_index(a[1]));
  if (!index) return nullptr;
  // k is read as _PyLong_UInt64_Converter reads it: a negative count or one past 64 bits is
  // refused with its texts; a count too big to build here is out of memory, as malloc fails.
  if (int_sign(index.get()) < 0) return value_error("Cannot convert negative int");
  int64_t k;
  if (!int_to_int64(index.get(), &k)) {
    if (int_to_base_string(index.get(), 16, false).size() > 16)
      return set_error(&exc_OverflowError, "Python int too large for C uint64_t");
    return set_error(&exc_MemoryError, "");
  }
  if (k > int64_t(INT32_MAX)) return set_error(&exc_MemoryError, "");
  MT& mt = self_of(a)->mt;
  if (k == 0) return new_int(0);
  if (k <= 32) return new_int(int64_t(mt.next32() >> (32 - k)));
  if (k <= 63) {
    uint64_t lo = mt.next32();
    uint64_t hi = mt.next32() >> (64 - k);
    return new_int(int64_t(lo | (hi << 32)));
  }
  size_t count = size_t((k - 1) / 32 + 1);
  std::vector<uint32_t> words(count);
  for (size_t i = 0; i < count; ++i, k -= 32) {
    uint32_t r = mt.next32();
    if (k < 32) r >>= (32 - k);
    words[i] = r;
  }
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(count * 8);
  for (size_t i = count; i-- > 0;)
    for (int shift = 28; shift >= 0; shift -= 4) hex.push_back(kHex[(words[i] >> shift) & 15u]);
  return int_from_digits(hex, 16);
}

// CPython: _random_Random_getstate_impl: the 624 words and the index.
Object* r_getstate(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("Random.getstate", kw) || !check_nargs("Random.getstate", n - 1, 0, 0)) return nullptr;
  MT& mt = self_of(a)->mt;
  if (mt.index > MT::kN) mt.init_genrand(5489u);
  std::vector<Object*> items;
  items.reserve(MT::kN + 1);
  for (uint32_t w : mt.state) items.push_back(new_int(int64_t(w)));
  items.push_back(new_int(mt.index));
  return new_tuple_steal(std::move(items));
}

// An element of a state tuple as C's unsigned long (CPython: PyLong_AsUnsignedLong).
bool state_word(Object* o, uint64_t* out) {
  if (!is_int(o)) return type_error(std::string("an integer is required (got type ") + type_name(o) + ")"), false;
  if (int_sign(o) < 0) return set_error(&exc_OverflowError, "can't convert negative int to unsigned"), false;
  int64_t v;
  if (int_to_int64(o, &v)) {
    *out = uint64_t(v);
    return true;
  }
  std::string hex = int_to_base_string(o, 16, false);
  if (hex.size() > 16) return set_error(&exc_OverflowError, "Python int too large to convert to C unsigned long"), false;
  *out = std::stoull(hex, nullptr, 16);
  return true;
}

// CPython: random_setstate.
Object* r_setstate(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("Random.setstate", kw) || !check_nargs("Random.setstate", n - 1, 1, 1)) return nullptr;
  Object* state = a[1];
  if (!is_tuple(state)) return type_error("state vector must be a tuple");
  const auto& items = static_cast<TupleObject*>(state)->items;
  if (items.size() != size_t(MT::kN) + 1) return value_error("state vector is the wrong size");
  uint32_t words[MT::kN];
  for (int i = 0; i < MT::kN; ++i) {
    uint64_t w;
    if (!state_word(items[size_t(i)], &w)) return nullptr;
    words[i] = uint32_t(w);
  }
  Ref<> index_obj = Ref<>::steal(number_index(items[MT::kN]));
  if (!index_obj) return nullptr;
  int64_t index;
  if (!int_to_int64(index_obj.get(), &index) || index < 0 || index > MT::kN) return value_error("invalid state");
  MT& mt = self_of(a)->mt;
  std::copy(std::begin(words), std::end(words), mt.state);
  mt.index = int(index);
  return new_none();
}

Object* random_new(TypeObject* type, Object* const*, size_t, TupleObject*) {
  auto* self = make<RandomObject>(type);
  seed_from_system(self->mt);
  return self;
}

// CPython: random_init: Random(seed) for the type itself (a derived class has its own
// __init__).
int random_init(Object* self, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (self->type == random_type && kwnames && !kwnames->items.empty()) {
    type_error("Random() takes no keyword arguments");
    return -1;
  }
  if (nargs > 1) {
    type_error("Random() requires 0 or 1 argument");
    return -1;
  }
  return seed_with(static_cast<RandomObject*>(self), nargs ? args[0] : nullptr) ? 0 : -1;
}

// urandom(size): size bytes from getrandom(2) (what os.urandom gives).
Object* m_urandom(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("urandom", kw) || !check_nargs("urandom", n, 1, 1)) return nullptr;
  ssize size;
  if (!index_as_ssize(a[0], &size)) return nullptr;
  if (size < 0) return value_error("negative argument not allowed");
  std::string data(size_t(size), '\0');
  if (!read_urandom(data.data(), data.size())) return nullptr;
  return new_bytes(data);
}

int exec_module(gopy_plugin_context*, gopy_Object* handle) {
  auto* module = reinterpret_cast<ModuleObject*>(handle);
  try {
    Ref<native::NativeType> t = Ref<native::NativeType>::steal(native::make_type(
        "_random", "Random", random_new,
        {{"random", r_random},
         {"seed", r_seed},
         {"getstate", r_getstate},
         {"setstate", r_setstate},
         {"getrandbits", r_getrandbits}},
        true));
    t->tp_init = random_init;
    Ref<> doc = Ref<>::steal(new_str("Random() -> create a random number generator with its own internal state."));
    if (dict_set_str(t->dict, "__doc__", doc.get()) < 0) return -1;
    if (dict_set_str(module->dict, "Random", t.get()) < 0) return -1;
    if (add_module_function(module, "urandom", m_urandom) < 0) return -1;
    random_type = t.get();
    return 0;
  } catch (const std::bad_alloc&) {
    no_memory();
    return -1;
  }
}

const gopy_ModuleDef kModule = {
    GOPY_MODULE_API_VERSION,
    "_random",
    "Module implements the Mersenne Twister random number generator.",
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    exec_module,
};

gopy::Status attach(gopy_plugin_context&) { return gopy::Status::ok(); }
gopy::Status detach(gopy_plugin_context&) {
  random_type = nullptr;
  return gopy::Status::ok();
}

}  // namespace
}  // namespace gopy_random

GOPY_PLUGIN(gopy_plugin__random, "_random", gopy_random::attach, gopy_random::detach)
GOPY_MODULE_INIT(_random, gopy_random::kModule)
