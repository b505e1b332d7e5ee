// The asynchronous iteration protocol for the built-ins aiter() and anext().
#pragma once
#include "gopy/api_begin.h"

#include "gopy/object.hpp"

namespace gopy {

// Whether `o` has __aiter__ / __anext__ as CPython's type slots would: its type's
// attribute, or the method of a native asynchronous generator (CPython: the am_aiter
// slot, PyAIter_Check).
bool is_async_iterable(Object* o);
bool is_async_iterator(Object* o);

// anext(aiterator, default)'s awaitable over `awaitable` (what __anext__() returned):
// awaiting it gives the awaitable's result, or `default_value` when that raises
// StopAsyncIteration (CPython: Objects/iterobject.c anextawaitable). A new reference.
Object* new_anext_awaitable(Object* awaitable, Object* default_value);

}  // namespace gopy
#include "gopy/api_end.h"
