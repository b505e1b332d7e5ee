// Frame storage: a per-thread data stack grown in chunks on demand (never zero-filled in
// bulk), and heap frames for generators (CPython: Python/pystate.c _PyThreadState_PushFrame,
// push_chunk; Objects/genobject.c keeps the generator's frame inside the generator).
#include <cstdlib>
#include <new>

#include "eval/code.hpp"

namespace gopy {

namespace {

constexpr size_t kChunkWords = 16 * 1024;  // 128 KiB

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

// Computed once per code object.
size_t frame_words(CodeObject* code) {
  if (!code->frame_words) {
    size_t handled =
        (sizeof(HandledException) * size_t(code->max_exc_level) + sizeof(Object*) - 1) / sizeof(Object*);
    code->slot_count = code->nslots();
    code->positional_only_call =
        !code->has_varargs && !code->has_varkw && !code->kwonlycount && code->cellnames.empty();
    code->frame_words = int(kFrameHeaderWords + size_t(code->slot_count) + size_t(code->stacksize) + handled);
  }
  return size_t(code->frame_words);
}

Frame* push_frame_slow(ThreadState* ts, CodeObject* code, int filled) {
  size_t words = frame_words(code);
  if (!ts->datastack_top || ts->datastack_top + words > ts->datastack_limit) {
    if (!push_chunk(ts, words)) return nullptr;
  }
  void* mem = ts->datastack_top;
  ts->datastack_top += words;
  return init_frame(mem, code, filled);
}

Frame* new_heap_frame(CodeObject* code) {
  void* mem = std::malloc(frame_words(code) * sizeof(Object*));
  if (!mem) return nullptr;
  Frame* f = init_frame(mem, code);
  f->on_heap = true;
  return f;
}

// A heap frame, or the first frame of a chunk (the chunk goes with it).
void release_frame_slow(ThreadState* ts, Frame* f) {
  if (f->on_heap) {
    std::free(f);
    return;
  }
  DataStackChunk* c = ts->datastack_chunk;
  ts->datastack_chunk = c->previous;
  ts->datastack_top = c->saved_top;
  ts->datastack_limit = c->previous->data + c->previous->size;
  std::free(c);
}

void free_data_stack(ThreadState* ts) {
  while (DataStackChunk* c = ts->datastack_chunk) {
    ts->datastack_chunk = c->previous;
    std::free(c);
  }
  ts->datastack_top = ts->datastack_limit = nullptr;
}

}  // namespace gopy
