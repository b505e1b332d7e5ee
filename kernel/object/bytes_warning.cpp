// -b and -bb: BytesWarning for str() of a bytes object and for comparing bytes with str
// or int. CPython: Objects/bytesobject.c bytes_str, bytes_richcompare;
// Objects/bytearrayobject.c bytearray_str.
#include "object/bytes_warning.hpp"

#include "gopy/object_bytes.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "gopy/warnings.hpp"
#include "object/sys_flag.hpp"

namespace gopy {

Object* bytes_family_str(Object* o) {
  if (sys_flag("bytes_warning") > 0 &&
      warn(&exc_BytesWarning, is_bytearray(o) ? "str() on a bytearray instance" : "str() on a bytes instance") < 0)
    return nullptr;
  return o->type->tp_repr(o);
}

int warn_bytes_comparison(Object* self, Object* other, CompareOp op) {
  if (op != CompareOp::eq && op != CompareOp::ne) return 0;
  bool with_int = !is_bytearray(self) && is_int(other);
  if (!is_str(other) && !with_int) return 0;
  if (sys_flag("bytes_warning") <= 0) return 0;
  if (is_bytearray(self)) return warn(&exc_BytesWarning, "Comparison between bytearray and string");
  return warn(&exc_BytesWarning, with_int ? "Comparison between bytes and int" : "Comparison between bytes and string");
}

}  // namespace gopy
