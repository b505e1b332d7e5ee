/* gopy's module API: the narrow, versioned C interface through which a plugin defines
 * modules, functions (positional and keyword parameters, defaults, CPython's argument
 * errors), types (methods, getters and setters, the cycle collector's traverse and clear
 * hooks), constants and exceptions, and works with the objects it is handed. A plugin that
 * uses only this header, gopy.h and gopy/plugin_abi.h needs no compiler identity in its ABI
 * tag: its manifest and descriptor say "c" (GOPY_MODULE_ABI_IDENTITY).
 *
 *   static gopy_Object *greet(gopy_Object *module, gopy_Object *const *args) {...}
 *   static const gopy_FunctionDef functions[] = {
 *       {"greet", greet, "name, /, *, punctuation='!'", "greet(name) -> str"}, {NULL}};
 *   static const gopy_ModuleDef module = {GOPY_MODULE_API_VERSION, "greet", "doc", functions};
 *   GOPY_MODULE_PLUGIN(gopy_plugin_greet, "greet")   (the descriptor the manifest names)
 *   GOPY_MODULE_INIT(greet, module)                   (one per module of "modules")
 *
 * Conventions, as CPython's C API:
 * - gopy_Object is opaque. A call marked "new" returns a new reference the caller owns and
 *   must give back with gopy_DecRef (or hand on); "borrowed" is valid while its owner keeps
 *   it (an argument: for the whole call) and is not to be released. Arguments are borrowed
 *   unless a call says it steals them.
 * - Errors are status values: functions returning an object give NULL with an exception
 *   set; functions returning int give 0 (or a count) and -1 with an exception set. A
 *   function or method the plugin defines follows the same rule. No C++ exception crosses
 *   this interface in either direction (the kernel stops its own at each entry point).
 * - Strings are UTF-8.
 * - Configuration is read through gopy.h's gopy_PluginConfig_* accessors, with the context
 *   a module's exec hook receives. */
#ifndef GOPY_MODULE_H
#define GOPY_MODULE_H
#include "gopy/api_begin.h"

#include <stddef.h>
#include <stdint.h>

#include "gopy/plugin_abi.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The version of the structures below; a gopy_ModuleDef carries the one it was built with.
 * 1: functions, types, constants, exceptions. The kernel ABI minor is 1 or more. */
#define GOPY_MODULE_API_VERSION 1
/* The ABI identity of a plugin that uses only the C interfaces. */
#define GOPY_MODULE_ABI_IDENTITY "c"

typedef struct gopy_Object gopy_Object;

/* ---- References ------------------------------------------------------------------------ */
void gopy_IncRef(gopy_Object *o);  /* o may be NULL */
void gopy_DecRef(gopy_Object *o);  /* o may be NULL */
/* o, with one more reference (new): `return gopy_NewRef(x);` */
gopy_Object *gopy_NewRef(gopy_Object *o);

/* ---- Exceptions ------------------------------------------------------------------------ */
/* A built-in exception class by name ("ValueError", "OverflowError"), borrowed; NULL
 * (no exception set) when there is none of that name. */
gopy_Object *gopy_Exc(const char *name);
/* Raises `type` (an exception class, borrowed) with `message`; returns NULL so that
 * `return gopy_Err_SetString(...)` reads naturally. */
gopy_Object *gopy_Err_SetString(gopy_Object *type, const char *message);
/* The same with a built-in exception class by name. */
gopy_Object *gopy_Err_Raise(const char *builtin_name, const char *message);
int gopy_Err_Occurred(void);                 /* 1 when an exception is set */
int gopy_Err_Matches(gopy_Object *type);     /* 1 when the set exception is a `type` */
void gopy_Err_Clear(void);

/* ---- Values ---------------------------------------------------------------------------- */
gopy_Object *gopy_None(void);                /* borrowed */
gopy_Object *gopy_Bool_FromInt(int value);   /* new */
gopy_Object *gopy_Long_FromInt64(int64_t value);   /* new */
gopy_Object *gopy_Long_FromDouble(double value);   /* new: int(value); NaN and inf raise */
/* 0 and *value, or -1: TypeError for a non-integer (honours __index__), OverflowError
 * when it does not fit. */
int gopy_Long_AsInt64(gopy_Object *o, int64_t *value);
gopy_Object *gopy_Float_FromDouble(double value);  /* new */
/* float(o) as CPython's PyFloat_AsDouble: a float, __float__, or __index__; TypeError
 * "must be real number, not str" otherwise. 0 or -1. */
int gopy_Float_AsDouble(gopy_Object *o, double *value);
gopy_Object *gopy_Str_FromUTF8(const char *text, size_t length);  /* new */
gopy_Object *gopy_Str_FromString(const char *text);               /* new */
/* The UTF-8 text of a str, borrowed from it (NUL-terminated); 0 or -1 (TypeError). */
int gopy_Str_AsUTF8(gopy_Object *o, const char **text, size_t *length);
/* A tuple of `items` (each borrowed; the tuple takes its own references). New. */
gopy_Object *gopy_Tuple_New(gopy_Object *const *items, size_t length);
size_t gopy_Tuple_Size(gopy_Object *tuple);             /* 0 for a non-tuple */
gopy_Object *gopy_Tuple_GetItem(gopy_Object *tuple, size_t index);  /* borrowed, NULL: out of range */

/* 1 when o is of that kind (subclasses included), else 0. */
int gopy_Long_Check(gopy_Object *o);
int gopy_Float_Check(gopy_Object *o);
int gopy_Float_CheckExact(gopy_Object *o);  /* a float, not a subclass */
int gopy_Str_Check(gopy_Object *o);
int gopy_Tuple_Check(gopy_Object *o);

/* ---- The object protocol --------------------------------------------------------------- */
const char *gopy_Object_TypeName(gopy_Object *o);       /* "int": borrowed from the type */
gopy_Object *gopy_Object_Type(gopy_Object *o);          /* borrowed */
int gopy_Object_IsInstance(gopy_Object *o, gopy_Object *type);  /* 1, 0, or -1 */
gopy_Object *gopy_Object_Repr(gopy_Object *o);          /* new */
gopy_Object *gopy_Object_Str(gopy_Object *o);           /* new */
int gopy_Object_IsTrue(gopy_Object *o);                 /* 1, 0, or -1 */
gopy_Object *gopy_Object_GetAttr(gopy_Object *o, const char *name);  /* new */
int gopy_Object_SetAttr(gopy_Object *o, const char *name, gopy_Object *value);
/* callable(*args): new. */
gopy_Object *gopy_Object_Call(gopy_Object *callable, gopy_Object *const *args, size_t nargs);
/* o.name(*args): new. */
gopy_Object *gopy_Object_CallMethod(gopy_Object *o, const char *name, gopy_Object *const *args,
                                    size_t nargs);
/* The special method `name` ("__floor__") of o's type, bound to o (new), or NULL with no
 * exception set when the type has none (CPython: _PyObject_LookupSpecial). */
gopy_Object *gopy_Object_LookupSpecial(gopy_Object *o, const char *name);
typedef enum gopy_CompareOp { GOPY_LT, GOPY_LE, GOPY_EQ, GOPY_NE, GOPY_GT, GOPY_GE } gopy_CompareOp;
int gopy_Object_Compare(gopy_Object *a, gopy_Object *b, gopy_CompareOp op);  /* 1, 0, or -1 */
gopy_Object *gopy_Object_GetIter(gopy_Object *o);       /* new: iter(o) */
/* 1 and *item (new), 0 when exhausted, -1 on error. */
int gopy_Iter_Next(gopy_Object *iterator, gopy_Object **item);

typedef enum gopy_BinaryOp {
  GOPY_ADD, GOPY_SUB, GOPY_MUL, GOPY_TRUEDIV, GOPY_FLOORDIV, GOPY_MOD, GOPY_POW,
  GOPY_LSHIFT, GOPY_RSHIFT, GOPY_AND, GOPY_OR, GOPY_XOR
} gopy_BinaryOp;
gopy_Object *gopy_Number_Binary(gopy_Object *a, gopy_Object *b, gopy_BinaryOp op);  /* new */
gopy_Object *gopy_Number_Index(gopy_Object *o);         /* new: operator.index(o) */
gopy_Object *gopy_Number_Negative(gopy_Object *o);      /* new: -o */
gopy_Object *gopy_Number_Absolute(gopy_Object *o);      /* new: abs(o) */

/* The module `name` as `import name` gives it (new). */
gopy_Object *gopy_Import(const char *name);

/* ---- Definitions ----------------------------------------------------------------------- */
/* A function or method. `self` is the module for a module function and the instance for a
 * method (borrowed). `args` holds one borrowed value per parameter of the definition, in
 * order, defaults filled in; a `*name` parameter receives a tuple. Returns a new reference,
 * or NULL with an exception set. */
typedef gopy_Object *(*gopy_Function)(gopy_Object *self, gopy_Object *const *args);

/* `params` is the parameter list as Python writes it, without annotations:
 *   "x"  "x, y=2"  "a, b, /, c=None, *, key=''"  "*values"  "iterable, /, *, start=1"
 * Defaults are literals: None, True, False, integers, floats (inf, nan too) and quoted
 * strings without escapes. NULL or "" means no parameters. Calls are checked and bound as
 * a Python function's are, with its errors ("f() missing 1 required positional argument:
 * 'x'", "f() got an unexpected keyword argument 'y'", "f() takes from 1 to 2 positional
 * arguments but 3 were given", ...). */
typedef struct gopy_FunctionDef {
  const char *name;  /* NULL ends an array of definitions */
  gopy_Function function;
  const char *params;
  const char *doc;   /* __doc__, may be NULL */
} gopy_FunctionDef;

/* get: new reference or NULL with an exception. set: value borrowed, NULL for `del`;
 * 0 or -1. A NULL set makes the attribute read-only. */
typedef gopy_Object *(*gopy_Getter)(gopy_Object *self);
typedef int (*gopy_Setter)(gopy_Object *self, gopy_Object *value);
typedef struct gopy_GetSetDef {
  const char *name;  /* NULL ends the array */
  gopy_Getter get;
  gopy_Setter set;
  const char *doc;
} gopy_GetSetDef;

/* What traverse calls for each reference the instance owns; stop and return its result
 * when it is not 0 (CPython: visitproc, Py_VISIT). */
typedef int (*gopy_VisitFn)(gopy_Object *ref, void *arg);

/* A type whose instances carry `data_size` bytes of the plugin's data (zeroed at creation,
 * reached with gopy_Object_Data). Instances have no __dict__ and the type cannot be
 * subclassed. */
typedef struct gopy_TypeDef {
  const char *name;  /* __name__ ("Counter"); __module__ is the module's. NULL ends an array */
  const char *doc;
  size_t data_size;
  /* The constructor: `init_params` as gopy_FunctionDef's params, then init(self, args)
   * returns 0 or -1. A NULL init makes the type impossible to instantiate from Python
   * ("cannot create 'mod.T' instances"). */
  const char *init_params;
  int (*init)(gopy_Object *self, gopy_Object *const *args);
  const gopy_FunctionDef *methods;  /* may be NULL */
  const gopy_GetSetDef *getset;     /* may be NULL */
  /* Every object reference the data owns must be reported by traverse (the cycle collector
   * depends on it) and dropped by clear, which leaves the pointers NULL: gopy calls clear to
   * break a cycle and when the instance is freed. NULL: the data holds no references. */
  int (*traverse)(gopy_Object *self, gopy_VisitFn visit, void *arg);
  void (*clear)(gopy_Object *self);
  /* Releases what else the data holds (memory, handles) when the instance is freed, after
   * clear. May be NULL. */
  void (*free_data)(void *data);
  /* repr(self): a new str, or NULL with an exception. NULL: "<mod.T object at 0x...>". */
  gopy_Object *(*repr)(gopy_Object *self);
} gopy_TypeDef;

/* The instance data of `o` when it is an instance of the type made from `type` (the
 * element of the gopy_ModuleDef's types array itself, not a copy), else NULL. */
void *gopy_Object_Data(gopy_Object *o, const gopy_TypeDef *type);

typedef enum gopy_ConstantKind { GOPY_CONST_INT = 1, GOPY_CONST_FLOAT, GOPY_CONST_STR } gopy_ConstantKind;
typedef struct gopy_ConstantDef {
  const char *name;  /* NULL ends the array */
  gopy_ConstantKind kind;
  int64_t int_value;
  double float_value;
  const char *str_value;
} gopy_ConstantDef;
#define GOPY_CONST_INT(NAME, VALUE) {NAME, GOPY_CONST_INT, (VALUE), 0.0, NULL}
#define GOPY_CONST_FLOAT(NAME, VALUE) {NAME, GOPY_CONST_FLOAT, 0, (VALUE), NULL}
#define GOPY_CONST_STR(NAME, VALUE) {NAME, GOPY_CONST_STR, 0, 0.0, (VALUE)}

/* An exception class of the module: `base` names a built-in exception or one defined
 * earlier in the same array (NULL: Exception). */
typedef struct gopy_ExceptionDef {
  const char *name;  /* NULL ends the array */
  const char *base;
  const char *doc;
} gopy_ExceptionDef;

typedef struct gopy_ModuleDef {
  uint32_t api_version;  /* GOPY_MODULE_API_VERSION */
  const char *name;      /* as imported; one of the manifest's "modules" */
  const char *doc;
  const gopy_FunctionDef *functions;    /* each may be NULL */
  const gopy_TypeDef *types;
  const gopy_ConstantDef *constants;
  const gopy_ExceptionDef *exceptions;
  /* Runs once the module holds its definitions, before `import` returns it: 0, or -1 with
   * an exception set (the import fails with it). ctx reads the configuration (gopy.h). */
  int (*exec)(gopy_plugin_context *ctx, gopy_Object *module);
} gopy_ModuleDef;

/* What a module plugin exports for each module it provides: gopy_module_<name>. */
typedef const gopy_ModuleDef *(*gopy_ModuleInitFn)(void);

#ifdef __cplusplus
}
#define GOPY_MODULE_EXTERN_C_ extern "C"
#else
#define GOPY_MODULE_EXTERN_C_
#endif

#if defined(_WIN32)
#define GOPY_MODULE_EXPORT_ __declspec(dllexport)
#else
#define GOPY_MODULE_EXPORT_ __attribute__((visibility("default")))
#endif

/* The descriptor of a module plugin (ENTRY is the manifest's "entry", NAME its "name"):
 * the module API's ABI, identity "c", no attach or detach callbacks. */
#define GOPY_MODULE_PLUGIN(ENTRY, NAME)                                                     \
  GOPY_MODULE_EXTERN_C_ GOPY_MODULE_EXPORT_ const gopy_plugin_descriptor *ENTRY(void) {     \
    static const gopy_plugin_descriptor descriptor = {                                     \
        GOPY_ABI_MAJOR, GOPY_ABI_MINOR, GOPY_MODULE_ABI_IDENTITY, NAME, NULL, NULL};       \
    return &descriptor;                                                                    \
  }
/* gopy_module_<MODULE>, returning &DEF (a gopy_ModuleDef). */
#define GOPY_MODULE_INIT(MODULE, DEF)                                                       \
  GOPY_MODULE_EXTERN_C_ GOPY_MODULE_EXPORT_ const gopy_ModuleDef *gopy_module_##MODULE(void) { \
    return &(DEF);                                                                         \
  }

#include "gopy/api_end.h"
#endif /* GOPY_MODULE_H */
