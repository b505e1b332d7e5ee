// A thin, header-only C++ face of the module API (gopy/module.h): an owning reference and
// a few conversions. Everything here is inline over the C calls, so a plugin using it
// still crosses the boundary in C only and keeps the ABI identity "c".
//
//   gopy::module::Ref text = gopy::module::Ref::steal(gopy_Str_FromString("hi"));  // owns
//   if (!text) return nullptr;                                 // an exception is set
//   return text.release();                                     // hand the reference on
#pragma once
#include "gopy/api_begin.h"

#include <string>
#include <string_view>
#include <utility>

#include "gopy/module.h"

namespace gopy::module {

// Owns one reference: released when it goes out of scope (CPython's Py_XDECREF).
class Ref {
 public:
  Ref() = default;
  // Adopts a new reference (what a call marked "new" returns); null stays null.
  static Ref steal(gopy_Object* o) { return Ref(o); }
  // Takes a reference of its own to a borrowed object.
  static Ref borrow(gopy_Object* o) {
    gopy_IncRef(o);
    return Ref(o);
  }
  Ref(Ref&& other) noexcept : o_(std::exchange(other.o_, nullptr)) {}
  Ref& operator=(Ref&& other) noexcept {
    if (this != &other) reset(std::exchange(other.o_, nullptr));
    return *this;
  }
  Ref(const Ref&) = delete;
  Ref& operator=(const Ref&) = delete;
  ~Ref() { gopy_DecRef(o_); }

  gopy_Object* get() const { return o_; }
  explicit operator bool() const { return o_ != nullptr; }
  // Gives the reference up to the caller (to return it, or to store it).
  gopy_Object* release() { return std::exchange(o_, nullptr); }
  // Drops the reference held and adopts `o` (a new reference, or null).
  void reset(gopy_Object* o = nullptr) { gopy_DecRef(std::exchange(o_, o)); }

 private:
  explicit Ref(gopy_Object* o) : o_(o) {}
  gopy_Object* o_ = nullptr;
};

// A str's text (borrowed from the str: valid while it lives), or false with TypeError.
inline bool text_of(gopy_Object* o, std::string_view* text) {
  const char* data = nullptr;
  size_t length = 0;
  if (gopy_Str_AsUTF8(o, &data, &length) < 0) return false;
  *text = std::string_view(data, length);
  return true;
}

// A new str (null with MemoryError).
inline Ref str(std::string_view text) { return Ref::steal(gopy_Str_FromUTF8(text.data(), text.size())); }

// Raises the module's exception class `name` (looked up on `module`) with `message`;
// returns null for `return raise(...)`.
inline gopy_Object* raise(gopy_Object* module, const char* name, const std::string& message) {
  Ref type = Ref::steal(gopy_Object_GetAttr(module, name));
  if (!type) return nullptr;
  return gopy_Err_SetString(type.get(), message.c_str());
}

}  // namespace gopy::module
#include "gopy/api_end.h"
