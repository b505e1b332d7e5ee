// The evaluator's core data: code objects (bytecode) and frames.
//
// Strategy: the compiler turns the AST into bytecode for a stack machine (eval/bytecode.hpp)
// and one evaluation loop (ceval.cpp) runs it. Frames live on a data stack allocated in
// chunks (frame_stack.cpp), not on the C++ stack: a Python-to-Python call pushes a frame and
// the same loop continues, so Python recursion is bounded by sys.getrecursionlimit() only.
// A generator owns its frame on the heap, which the loop suspends at `yield` and resumes.
// C++ calling Python (special methods, builtins calling callables) enters a new loop
// invocation, bounded by the C-stack guard. CPython: Python/ceval.c, Include/internal/
// pycore_frame.h.
#pragma once

#include <string>
#include <vector>

#include "eval/bytecode.hpp"
#include "eval/out_of_memory.hpp"
#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"

namespace gopy {

struct Frame;
struct GeneratorObject;

enum class CodeKind { module, function, class_body, genexpr };

// A name lookup remembered by its instruction: the entry the name was found at in the
// globals (or, absent there, the builtins) dict, valid while both dicts keep the key
// layout (`version`) they had (CPython: LOAD_GLOBAL's inline cache and dict keys version).
struct NameCache {
  DictObject* globals = nullptr;
  uint64_t globals_version = 0;
  DictObject* builtins = nullptr;
  uint64_t builtins_version = 0;
  int32_t index = -1;
  bool in_builtins = false;
};

// An attribute access remembered by its instruction (CPython 3.11's LOAD_ATTR_INSTANCE_VALUE,
// LOAD_ATTR_WITH_HINT and LOAD_METHOD specializations): for objects of `type` while no type
// changed (the type epoch), the attribute is the inline value `index` of an instance still
// without a dict (`inline_value`) or the instance dict's entry `index` (no data descriptor
// on the type), or the method is `method` (borrowed from the type's dict). For a method of
// a class whose instances keep inline values, `keys_seen` is how many shared keys the class
// had, none of them the method's name, when the cache was filled (CPython: the keys version
// LOAD_ATTR_METHOD_WITH_VALUES checks), else -1.
struct AttrCache {
  TypeObject* type = nullptr;
  uint64_t epoch = 0;
  int32_t index = -1;
  bool inline_value = false;
  Object* method = nullptr;
  int64_t keys_seen = -1;
  // LOAD_ATTR of a property of `type` (borrowed from the type's dict, valid while the
  // epoch holds): its getter is called directly (CPython: LOAD_ATTR_PROPERTY).
  PropertyObject* property = nullptr;
};

// Compiled code: instructions plus the frame layout (CPython: PyCodeObject).
struct CodeObject : Object {
  CodeKind kind = CodeKind::function;
  StrObject* name = nullptr;      // co_name
  StrObject* qualname = nullptr;  // co_qualname
  StrObject* filename = nullptr;
  int firstlineno = 0;
  int argcount = 0;        // positional parameters (posonly included)
  int posonlycount = 0;
  int kwonlycount = 0;
  bool has_varargs = false;
  bool has_varkw = false;
  bool is_generator = false;  // contains yield (or is a generator expression), or async def
  bool is_coroutine = false;  // async def: calls make a coroutine, not a generator
  bool is_async_generator = false;  // async def with yield
  Object* doc = nullptr;      // the docstring (borrowed from consts), or null
  // Slot names: parameters first (positional, keyword-only, *args, **kwargs), then locals.
  std::vector<StrObject*> varnames;
  int nlocals = 0;  // plain slots
  // Cells owned by this frame come after the locals; `cell_from_arg[i]` is the parameter
  // slot whose value seeds cell i, or -1.
  std::vector<int> cell_from_arg;
  std::vector<StrObject*> cellnames;
  std::vector<StrObject*> freenames;  // free variables come after the cells (from the closure)
  // The slots of the defining frame whose cells become this code's free variables.
  std::vector<int> closure_slots;
  int class_cell = -1;     // class bodies: the cell slot of __class__, or -1

  std::vector<Instr> instrs;
  std::vector<int> lines;            // the source line of each instruction
  std::vector<SourceSpan> spans;     // each instruction's columns on that line (carets)
  std::vector<int> handler_of;       // each instruction's exception handler index, or -1
  std::vector<ExceptionHandler> handlers;
  std::vector<NameCache> name_caches;  // indexed by the `b` operand - 1 of global/name ops
  std::vector<AttrCache> attr_caches;  // indexed by the `b` operand - 1 of attribute ops
  int stacksize = 0;       // the deepest the value stack gets
  int frame_words = 0;     // the frame's whole size in Object* words (frame_stack.cpp)
  int slot_count = 0;      // nslots(), kept for the frame set-up
  bool positional_only_call = false;  // plain positional parameters, no cells: calls copy arguments
  int max_exc_level = 0;   // nested `except`/`finally` handlers in this code at once
  // Constants, names, nested code and kwnames tuples (owned).
  std::vector<Object*> consts;

  CodeObject();
  ~CodeObject() override;
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override;
  int nslots() const { return nlocals + int(cellnames.size()) + int(freenames.size()); }
  int first_cell() const { return nlocals; }
  int first_free() const { return nlocals + int(cellnames.size()); }
  // Keeps an object alive as long as the code (returns it borrowed).
  template <class T>
  T* keep(T* o) {
    ORef owned = ORef::steal(o);  // freed if the constants cannot grow
    consts.push_back(o);
    owned.release();
    return o;
  }
  int line_at(const Instr* ip) const { return lines[size_t(ip - instrs.data())]; }
};

// An executing or suspended frame (CPython: _PyInterpreterFrame). Its slots, value stack
// and handled-exception records follow it in the same allocation.
struct Frame {
  CodeObject* code;
  FunctionObject* func;  // owned, or null (module code: the caller keeps the code alive)
  Object** slots;        // nslots() entries: locals, then cells, then free cells
  DictObject* globals;   // borrowed (the function keeps it alive)
  DictObject* builtins;  // borrowed
  DictObject* locals;    // module/class namespace, else null
  Frame* back = nullptr;
  const Instr* ip = nullptr;   // the next instruction
  Object** sp = nullptr;       // the value stack's top (one past the last value)
  Object** stack_base = nullptr;
  HandledException* handled = nullptr;  // max_exc_level records
  int exc_level = 0;           // how many of them are linked into the thread's chain
  int lineno = 0;              // the line of the failing instruction, for tracebacks
  GeneratorObject* gen = nullptr;  // the generator owning this frame (heap frame), or null
  bool entry = false;          // returning ends the current evaluation loop invocation
  bool on_heap = false;
  bool finished = false;       // generator frames: ran to its end
  bool init_call = false;      // runs __init__ for an instance its caller holds
};

// Frame storage (frame_stack.cpp). A frame for `code`, its slots and stack cleared; pushed
// on the thread's data stack, or on the heap for a generator. Null on memory exhaustion.
// The common cases are inline: calls push and pop frames in LIFO order.
Frame* push_frame_slow(ThreadState* ts, CodeObject* code, int filled = 0);
Frame* new_heap_frame(CodeObject* code);
void release_frame_slow(ThreadState* ts, Frame* f);
size_t frame_words(CodeObject* code);
constexpr size_t kFrameHeaderWords = (sizeof(Frame) + sizeof(Object*) - 1) / sizeof(Object*);

// A chunk of the thread's data stack.
struct DataStackChunk {
  DataStackChunk* previous;
  Object** saved_top;  // the previous chunk's top when this one was pushed
  size_t size;         // in Object* words after the header
  Object* data[1];
};

// The first `filled` slots are left for the caller to fill at once (a call's arguments).
[[gnu::always_inline]] inline Frame* init_frame(void* mem, CodeObject* code, int filled = 0) {
  auto* f = static_cast<Frame*>(mem);
  f->code = code;
  f->func = nullptr;
  f->slots = static_cast<Object**>(mem) + kFrameHeaderWords;
  int n = code->slot_count;
  // A loop, not a memset call (frames have a few slots): the empty asm keeps GCC from
  // turning it into one.
  for (int i = filled; i < n; ++i) {
    f->slots[i] = nullptr;
    __asm__ volatile("");
  }
  f->globals = f->builtins = f->locals = nullptr;
  f->back = nullptr;
  f->ip = code->instrs.data();
  f->stack_base = f->sp = f->slots + n;
  f->handled = reinterpret_cast<HandledException*>(f->stack_base + code->stacksize);
  f->exc_level = 0;
  f->lineno = code->firstlineno;
  f->gen = nullptr;
  f->entry = f->on_heap = f->finished = f->init_call = false;
  return f;
}

inline Frame* push_frame(ThreadState* ts, CodeObject* code, int filled = 0) {
  size_t words = code->frame_words ? size_t(code->frame_words) : frame_words(code);
  Object** top = ts->datastack_top;
  if (__builtin_expect(!top || top + words > ts->datastack_limit, 0)) return push_frame_slow(ts, code, filled);
  ts->datastack_top = top + words;
  return init_frame(top, code, filled);
}

// Drops a frame's references (slots, value stack, function), keeping its storage.
inline void clear_frame_refs(Frame* f) {
  for (int i = 0, n = f->code->slot_count; i < n; ++i) {
    Object* o = f->slots[i];
    f->slots[i] = nullptr;
    xdecref(o);
  }
  while (f->sp > f->stack_base) xdecref(*--f->sp);
  FunctionObject* fn = f->func;
  f->func = nullptr;
  xdecref(fn);
}

// Drops the frame's references and releases its storage.
inline void release_frame(ThreadState* ts, Frame* f) {
  clear_frame_refs(f);
  auto** start = reinterpret_cast<Object**>(f);
  // Frames are released in LIFO order: the frame's start is the new top, unless it
  // opened a chunk.
  if (f->on_heap || (start == ts->datastack_chunk->data && ts->datastack_chunk->previous)) {
    release_frame_slow(ts, f);
    return;
  }
  ts->datastack_top = start;
}
void free_data_stack(ThreadState* ts);

// Adds a traceback entry for this frame when the current exception has none yet for it
// (CPython adds one per frame at its error label, PyTraceBack_Here).
// `instr`: the failing instruction's index (its span gives the carets), or -1.
void traceback_here(Frame& f, int instr = -1);

// Runs a frame (and every Python frame it calls) until it returns or suspends. Returns
// the returned or yielded value, or null with the exception set. `throwing`: resume by
// raising the current exception at the frame's instruction (generator.throw).
Object* eval_frame(ThreadState* ts, Frame* f, bool throwing = false);

// Fills a new frame's parameter slots, cells and free cells for a call; false with
// TypeError set. References in `args` are borrowed.
bool bind_call(FunctionObject* fn, Frame* f, Object* const* args, size_t nargs, TupleObject* kwnames);
// Checks the Python recursion limit before a frame is pushed.
std::nullptr_t recursion_error();
inline bool check_recursion(ThreadState* ts) {
  if (__builtin_expect(ts->depth < ts->interp->recursion_limit, 1)) return true;
  recursion_error();
  return false;
}

// Calls a Python function object (the function type's call slot).
Object* function_call(Object* callable, Object* const* args, size_t nargs, TupleObject* kwnames);
// Runs a class body with `ns` as its namespace; returns the __class__ cell (new reference)
// when the body created one, else None.
Object* run_class_body(FunctionObject* body_fn, DictObject* ns);
// Runs module-level code with `globals` as the namespace.
// `locals` null: the globals (module code); else exec()/eval() with separate namespaces.
Object* run_module_code(CodeObject* code, DictObject* globals, DictObject* locals = nullptr);
// The builtins dict globals' __builtins__ names (a module's dict, or a dict), else
// `fallback` (borrowed). CPython: Python/ceval.c _PyEval_BuiltinsFromGlobals.
DictObject* builtins_from_globals(DictObject* globals, DictObject* fallback);

// A generator for a frame whose arguments are bound (generator.cpp); steals the frame.
Object* new_generator(Frame* f, FunctionObject* fn);
extern TypeObject generator_type;
extern TypeObject coroutine_type;
extern TypeObject async_generator_type;
// The awaitables of an asynchronous generator's asend()/__anext__() and athrow()/aclose().
bool is_async_gen_awaitable(const Object* o);
// An asynchronous generator's `yield` value, told apart from what its awaits yield.
Object* async_gen_wrap(Object* value);  // steals
// A generator or a coroutine: an object run by generator_send.
inline bool is_gen_or_coro(const Object* o) { return o->type == &generator_type || o->type == &coroutine_type; }
// Sends a value into a generator (CPython: gen_send_ex2). Returns the yielded value, or
// null: with an exception set on error, else the generator returned `*result` (new ref).
Object* generator_send(Object* gen, Object* value, Object** result);
// Raises StopIteration(value): how an iterator that is not a generator returns a value
// (no argument for None). Returns null.
std::nullptr_t raise_stop_iteration(Object* value);
// anext()'s awaitable type (anext_awaitable.cpp), made once with the generator types.
void init_anext_awaitable_type();
// A suspended coroutine waiting on an awaitable (CPython: _PyGen_yf).
bool coroutine_being_awaited(Object* coro);

}  // namespace gopy
