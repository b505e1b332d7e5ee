// The module plugin of docs/sdk.md, built by a stranger's CMake project from the installed
// SDK alone (tests/plugin/sdk_test.cmake) through the module API (gopy/module.h and its
// C++ face gopy/module.hpp). The module `greet` has:
//   greet(name, /, greeting='hello', *, punctuation='!') -> str   (raises greet.GreetError)
//   repeat(text, /, *, times) -> str                              (a required keyword)
//   Greeter(greeting='hello'): .greet(name, *, times=1), .greeting (read/write), .count
//   DEFAULT_GREETING = 'hello'
// and is loaded only when a program imports it.
#include <string>
#include <string_view>

#include "gopy/module.hpp"

namespace {

using gopy::module::Ref;

// The text of a str argument, or TypeError naming the parameter.
bool text_arg(gopy_Object* o, const char* function, const char* parameter, std::string_view* text) {
  if (gopy_Str_Check(o)) return gopy::module::text_of(o, text);
  std::string message = std::string(function) + "() argument '" + parameter + "' must be str, not " +
                        gopy_Object_TypeName(o);
  gopy_Err_Raise("TypeError", message.c_str());
  return false;
}

// The greeting itself; GreetError (from `module`) for an empty name.
gopy_Object* make_greeting(gopy_Object* module, std::string_view name, std::string_view greeting,
                           std::string_view punctuation) {
  if (name.empty()) return gopy::module::raise(module, "GreetError", "greet() needs a name");
  std::string text = std::string(greeting) + ", " + std::string(name) + std::string(punctuation);
  return gopy::module::str(text).release();  // a new reference: the caller owns it
}

// greet(name, /, greeting='hello', *, punctuation='!'): args are borrowed, defaults filled.
gopy_Object* greet(gopy_Object* module, gopy_Object* const* args) {
  std::string_view name, greeting, punctuation;
  if (!text_arg(args[0], "greet", "name", &name) || !text_arg(args[1], "greet", "greeting", &greeting) ||
      !text_arg(args[2], "greet", "punctuation", &punctuation))
    return nullptr;
  return make_greeting(module, name, greeting, punctuation);
}

// repeat(text, /, *, times)
gopy_Object* repeat(gopy_Object*, gopy_Object* const* args) {
  std::string_view text;
  int64_t times = 0;
  if (!text_arg(args[0], "repeat", "text", &text) || gopy_Long_AsInt64(args[1], &times) < 0) return nullptr;
  if (times < 0) return gopy_Err_Raise("ValueError", "repeat() needs times >= 0");
  std::string out;
  for (int64_t i = 0; i < times; ++i) out += text;
  return gopy::module::str(out).release();
}

// ---- Greeter: an instance holds its greeting (a reference it owns) and a count ----

struct Greeter {
  gopy_Object* greeting;  // owned: reported by traverse, dropped by clear
  int64_t count;
};

extern const gopy_TypeDef kTypes[2];  // the module's types: Greeter, then the end

Greeter* greeter(gopy_Object* self) { return static_cast<Greeter*>(gopy_Object_Data(self, &kTypes[0])); }

// Greeter(greeting='hello')
int greeter_init(gopy_Object* self, gopy_Object* const* args) {
  std::string_view unused;
  if (!text_arg(args[0], "Greeter", "greeting", &unused)) return -1;
  Greeter* g = greeter(self);
  gopy_DecRef(g->greeting);  // __init__ may run twice
  g->greeting = gopy_NewRef(args[0]);  // keep a reference of our own to a borrowed argument
  return 0;
}

// Greeter.greet(name, *, times=1)
gopy_Object* greeter_greet(gopy_Object* self, gopy_Object* const* args) {
  Greeter* g = greeter(self);
  std::string_view name, greeting;
  int64_t times = 0;
  if (!text_arg(args[0], "greet", "name", &name) || !gopy::module::text_of(g->greeting, &greeting) ||
      gopy_Long_AsInt64(args[1], &times) < 0)
    return nullptr;
  Ref module = Ref::steal(gopy_Import("greet"));
  if (!module) return nullptr;
  std::string out;
  for (int64_t i = 0; i < times; ++i) {
    Ref one = Ref::steal(make_greeting(module.get(), name, greeting, "!"));
    std::string_view text;
    if (!one || !gopy::module::text_of(one.get(), &text)) return nullptr;
    out += (i ? " " : "") + std::string(text);
  }
  ++g->count;
  return gopy::module::str(out).release();
}

gopy_Object* greeter_get_greeting(gopy_Object* self) { return gopy_NewRef(greeter(self)->greeting); }

int greeter_set_greeting(gopy_Object* self, gopy_Object* value) {
  std::string_view text;
  if (value == nullptr) {
    gopy_Err_Raise("AttributeError", "cannot delete the greeting");
    return -1;
  }
  if (!text_arg(value, "greeting", "value", &text)) return -1;
  Greeter* g = greeter(self);
  gopy_DecRef(g->greeting);
  g->greeting = gopy_NewRef(value);
  return 0;
}

gopy_Object* greeter_get_count(gopy_Object* self) { return gopy_Long_FromInt64(greeter(self)->count); }

int greeter_traverse(gopy_Object* self, gopy_VisitFn visit, void* arg) {
  Greeter* g = greeter(self);
  return g->greeting ? visit(g->greeting, arg) : 0;
}

void greeter_clear(gopy_Object* self) {
  Greeter* g = greeter(self);
  gopy_Object* old = g->greeting;
  g->greeting = nullptr;
  gopy_DecRef(old);
}

gopy_Object* greeter_repr(gopy_Object* self) {
  Ref greeting = Ref::steal(gopy_Object_Repr(greeter(self)->greeting));
  std::string_view text;
  if (!greeting || !gopy::module::text_of(greeting.get(), &text)) return nullptr;
  return gopy::module::str("Greeter(" + std::string(text) + ")").release();
}

const gopy_FunctionDef kGreeterMethods[] = {
    {"greet", greeter_greet, "name, *, times=1", "greet(name, *, times=1) -> str"},
    {nullptr, nullptr, nullptr, nullptr},
};

const gopy_GetSetDef kGreeterGetSet[] = {
    {"greeting", greeter_get_greeting, greeter_set_greeting, "the greeting word"},
    {"count", greeter_get_count, nullptr, "how many times greet() ran"},
    {nullptr, nullptr, nullptr, nullptr},
};

const gopy_TypeDef kTypes[2] = {
    {"Greeter", "Greeter(greeting='hello')", sizeof(Greeter), "greeting='hello'", greeter_init, kGreeterMethods,
     kGreeterGetSet, greeter_traverse, greeter_clear, nullptr, greeter_repr},
    {},
};

const gopy_FunctionDef kFunctions[] = {
    {"greet", greet, "name, /, greeting='hello', *, punctuation='!'", "greet(name) -> 'hello, name!'"},
    {"repeat", repeat, "text, /, *, times", "repeat(text, *, times) -> text * times"},
    {nullptr, nullptr, nullptr, nullptr},
};

const gopy_ConstantDef kConstants[] = {
    GOPY_CONST_STR("DEFAULT_GREETING", "hello"),
    {nullptr, GOPY_CONST_INT, 0, 0.0, nullptr},
};

const gopy_ExceptionDef kExceptions[] = {
    {"GreetError", "ValueError", "A greeting that cannot be made."},
    {nullptr, nullptr, nullptr},
};

const gopy_ModuleDef kModule = {
    GOPY_MODULE_API_VERSION, "greet", "The example module of docs/sdk.md",
    kFunctions, kTypes, kConstants, kExceptions, nullptr,
};

}  // namespace

GOPY_MODULE_PLUGIN(gopy_plugin_greet, "greet")
GOPY_MODULE_INIT(greet, kModule)
