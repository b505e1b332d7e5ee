// The _json plugin's entry points, shared by its source files. Each is a built-in function
// of the module (positional arguments only: the json package calls them), returning a new
// reference or null with an exception set; none lets a C++ exception out.
#pragma once

#include "../common/native_module.hpp"
#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"

namespace gopy::json {

// encode(obj, markers, default, indent, key_separator, item_separator, sort_keys,
//        skipkeys, allow_nan, ensure_ascii, chunked=False) -> str; chunked: (the pieces
//        CPython's pure-Python encoder would yield, the exception that stopped it or None)
Object* encode(Object* self, Object* const* args, size_t nargs, TupleObject* kwnames);
// encode_basestring(s) / encode_basestring_ascii(s) -> '"..."'
Object* encode_basestring(Object* self, Object* const* args, size_t nargs, TupleObject* kwnames);
Object* encode_basestring_ascii(Object* self, Object* const* args, size_t nargs, TupleObject* kwnames);

// raw_decode(s, idx, strict, object_hook, object_pairs_hook, parse_float, parse_int,
//            parse_constant) -> (obj, end)
Object* raw_decode(Object* self, Object* const* args, size_t nargs, TupleObject* kwnames);
// scanstring(s, end, strict=True) -> (str, end)
Object* scanstring(Object* self, Object* const* args, size_t nargs, TupleObject* kwnames);
// skip_whitespace(s, idx) -> the index of the first non-whitespace character at or after idx
Object* skip_whitespace(Object* self, Object* const* args, size_t nargs, TupleObject* kwnames);

// The fully qualified name of a type, as CPython's %T prints it ("dict", "__main__.Point").
std::string qualified_type_name(const TypeObject* t);

using native::guarded;

}  // namespace gopy::json
