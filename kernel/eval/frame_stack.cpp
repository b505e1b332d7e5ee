// Frame storage: a per-thread data stack grown in chunks on demand (never zero-filled in
// bulk), and heap frames for generators (CPython: Python/pystate.c _PyThreadState_PushFrame,
// push_chunk; Objects/genobject.c keeps the generator's frame inside the generator).
#include <cstdlib>
#include <new>

#include "eval/code.hpp"

namespace gopy {

struct DataStackChunk {
  DataStackChunk* previous;
  Object** saved_top;  // the previous chunk's top when this one was pushed
  size_t size;         // in Object* words after the header
  Object* data[1];
};

namespace {

constexpr size_t kChunkWords = 16 * 1024;  // 128 KiB

constexpr size_t kHeaderWords = (sizeof(Frame) + sizeof(Object*) - 1) / sizeof(Object*);

// Computed once per code object.
size_t frame_words(CodeObject* code) {
  if (!code->frame_words) {
    size_t handled =
        (sizeof(HandledException) * size_t(code->max_exc_level) + sizeof(Object*) - 1) / sizeof(Object*);
    code->frame_words = int(kHeaderWords + size_t(code->nslots()) + size_t(code->stacksize) + handled);
  }
  return size_t(code->frame_words);
}

Frame* init_frame(void* mem, CodeObject* code) {
  auto* f = new (mem) Frame();
  f->code = code;
  f->func = nullptr;
  auto** words = reinterpret_cast<Object**>(mem);
  f->slots = words + kHeaderWords;
  int n = code->nslots();
  for (int i = 0; i < n; ++i) f->slots[i] = nullptr;
  f->stack_base = f->slots + n;
  f->sp = f->stack_base;
  f->handled = reinterpret_cast<HandledException*>(f->stack_base + code->stacksize);
  f->ip = code->instrs.data();
  f->lineno = code->firstlineno;
  return f;
}

bool push_chunk(ThreadState* ts, size_t need) {
  size_t size = need > kChunkWords ? need : kChunkWords;
  auto* c = static_cast<DataStackChunk*>(std::malloc(sizeof(DataStackChunk) + size * sizeof(Object*)));
  if (!c) return false;
  c->previous = ts->datastack_chunk;
  c->saved_top = ts->datastack_top;
  c->size = size;
  ts->datastack_chunk = c;
  ts->datastack_top = c->data;
  ts->datastack_limit = c->data + size;
  return true;
}

}  // namespace

Frame* push_frame(ThreadState* ts, CodeObject* code) {
  size_t words = frame_words(code);
  if (!ts->datastack_top || ts->datastack_top + words > ts->datastack_limit) {
    if (!push_chunk(ts, words)) return nullptr;
  }
  void* mem = ts->datastack_top;
  ts->datastack_top += words;
  return init_frame(mem, code);
}

Frame* new_heap_frame(CodeObject* code) {
  void* mem = std::malloc(frame_words(code) * sizeof(Object*));
  if (!mem) return nullptr;
  Frame* f = init_frame(mem, code);
  f->on_heap = true;
  return f;
}

void clear_frame_refs(Frame* f) {
  int n = f->code->nslots();
  for (int i = 0; i < n; ++i) {
    Object* o = f->slots[i];
    f->slots[i] = nullptr;
    xdecref(o);
  }
  while (f->sp > f->stack_base) xdecref(*--f->sp);
  FunctionObject* fn = f->func;
  f->func = nullptr;
  xdecref(fn);
}

void release_frame(ThreadState* ts, Frame* f) {
  clear_frame_refs(f);
  if (f->on_heap) {
    f->~Frame();
    std::free(f);
    return;
  }
  // Frames are released in LIFO order: the frame's start is the new top.
  auto** start = reinterpret_cast<Object**>(f);
  f->~Frame();
  DataStackChunk* c = ts->datastack_chunk;
  if (start == c->data && c->previous) {
    ts->datastack_chunk = c->previous;
    ts->datastack_top = c->saved_top;
    ts->datastack_limit = c->previous->data + c->previous->size;
    std::free(c);
    return;
  }
  ts->datastack_top = start;
}

void free_data_stack(ThreadState* ts) {
  while (DataStackChunk* c = ts->datastack_chunk) {
    ts->datastack_chunk = c->previous;
    std::free(c);
  }
  ts->datastack_top = ts->datastack_limit = nullptr;
}

}  // namespace gopy
