// The _sre module's objects: Pattern, Match and the finditer scanner, over gopy's engine
// (engine/). The types are defined through the module API (gopy/module.h); the plugin has
// the kernel's C++ ABI identity, so it works on the kernel's str, list and dict directly.
#pragma once

#include <string>
#include <vector>

#include "gopy/module.h"
#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_str.hpp"
#include "sre_engine.hpp"

namespace gopy::sre_module {

using sre::ssize;

inline Object* obj(gopy_Object* o) { return reinterpret_cast<Object*>(o); }
inline gopy_Object* handle(Object* o) { return reinterpret_cast<gopy_Object*>(o); }

struct PatternData {
  Object* pattern;         // the pattern str (owned)
  DictObject* groupindex;  // name -> group (owned)
  sre::Program* program;  // owned
  sre::MatchState* state;  // owned: reused by every run of this pattern
};

struct MatchData {
  Object* pattern;  // the Pattern (owned)
  Object* string;   // owned
  std::vector<ssize>* slots;
  ssize pos, endpos;
  int lastindex;
};

struct ScannerData {
  Object* pattern;  // owned
  Object* string;   // owned
  ssize pos, endpos;
  bool must_advance;
  bool done;
};

enum TypeIndex { kPatternType, kMatchType, kScannerType };
extern const gopy_TypeDef kTypes[];

PatternData* pattern_data(Object* o);
MatchData* match_data(Object* o);
ScannerData* scanner_data(Object* o);
// A new, zeroed instance of one of the module's types (new reference, or null).
Object* new_instance(TypeIndex which);
// Records the module's types once the module exists (its exec hook).
int register_types(gopy_Object* module);

// The code points of a str, or of a bytes object read as Latin-1 (*is_bytes set); false
// for anything else.
bool text_of(Object* o, std::u32string* out, bool* is_bytes);
// The subject text of a str (for a str pattern) or a bytes-like object (for a bytes
// pattern); TypeError with CPython's messages otherwise.
bool subject_of(Object* string, bool bytes_pattern, sre::Subject* out);
// string[b:e] of a subject: a str, or bytes for a bytes-like subject.
Object* slice_of(Object* string, ssize b, ssize e);
// The result of a join of pieces: a str from UTF-8, or bytes.
Object* joined(const std::string& data, bool bytes);
// CPython's clamping of pos and endpos (Modules/_sre/sre.c state_init).
void clamp_range(ssize length, int64_t* pos, int64_t* endpos);
// Raises what a compile or template error calls for: re.error(msg, text, pos),
// OverflowError, ValueError or IndexError.
std::nullptr_t raise_error(const sre::Error& error, Object* text);
// A Match for captures of the pattern over string (new reference).
Object* new_match(Object* pattern, Object* string, ssize pos, ssize endpos, const sre::Captures& caps);
// Parses a template for the pattern (raising its errors).
bool template_of(Object* pattern, Object* repl, sre::Template* out);
// Appends the expansion of a template for a match to out (UTF-8).
void expand_into(const sre::Template& t, MatchData* m, std::string* out);
// repr(o) cut to `limit` code points, as CPython's %.NR (empty with an exception set).
std::string cut_repr(Object* o, size_t limit);
// Appends string[b:e] to out (UTF-8 for a str, the bytes of a bytes-like subject).
void append_slice(Object* string, ssize b, ssize e, std::string* out);

// Pattern, Match and scanner definitions (sre_objects.cpp, sre_match_object.cpp).
extern const gopy_FunctionDef kPatternMethods[];
extern const gopy_GetSetDef kPatternGetSet[];
extern const gopy_FunctionDef kMatchMethods[];
extern const gopy_GetSetDef kMatchGetSet[];
extern const gopy_FunctionDef kScannerMethods[];
gopy_Object* pattern_repr(gopy_Object* self);
gopy_Object* match_repr(gopy_Object* self);
int pattern_traverse(gopy_Object* self, gopy_VisitFn visit, void* arg);
void pattern_clear(gopy_Object* self);
void pattern_free(void* data);
int match_traverse(gopy_Object* self, gopy_VisitFn visit, void* arg);
void match_clear(gopy_Object* self);
void match_free(void* data);
int scanner_traverse(gopy_Object* self, gopy_VisitFn visit, void* arg);
void scanner_clear(gopy_Object* self);
// Slots the module API has no definition for, set on the types by register_types.
Object* match_subscript(Object* self, Object* key);
Object* pattern_richcompare(Object* a, Object* b, CompareOp op);
int64_t pattern_hash(Object* self);

}  // namespace gopy::sre_module
