// The object model through its C++ API, without the evaluator or plugins.
#include <catch2/catch.hpp>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "object_runtime.hpp"

using namespace gopy;

namespace {

using Runtime = ObjectRuntime;

std::string repr_of(Object* o) {
  Object* r = object_repr(o);
  REQUIRE(r != nullptr);
  std::string s = as_str(r)->utf8;
  decref(r);
  return s;
}

}  // namespace

TEST_CASE("small ints are shared, others are fresh objects") {
  Runtime rt;
  Object* a = new_int(256);
  Object* b = new_int(256);
  CHECK(a == b);
  Object* c = new_int(257);
  Object* d = new_int(257);
  CHECK(c != d);
  CHECK(object_eq(c, d) == 1);
  for (Object* o : {a, b, c, d}) decref(o);
}

TEST_CASE("int arithmetic overflows int64 into big ints and back") {
  Runtime rt;
  Object* big = new_int(INT64_MAX);
  Object* one = new_int(1);
  Object* sum = binary_op(big, one, BinaryOp::add);
  REQUIRE(sum);
  CHECK(repr_of(sum) == "9223372036854775808");
  Object* back = binary_op(sum, one, BinaryOp::sub);
  int64_t v = 0;
  CHECK(int_to_int64(back, &v));
  CHECK(v == INT64_MAX);
  for (Object* o : {big, one, sum, back}) decref(o);
}

TEST_CASE("dicts keep insertion order across deletions") {
  Runtime rt;
  DictObject* d = new_dict();
  for (int i = 0; i < 100; ++i) {
    Object* k = new_int(i);
    dict_set_item(d, k, k);
    decref(k);
  }
  for (int i = 0; i < 100; i += 2) {
    Object* k = new_int(i);
    CHECK(dict_del_item(d, k) == 0);
    decref(k);
  }
  CHECK(d->used == 50);
  Object* k = new_int(0);
  dict_set_item(d, k, k);
  decref(k);
  std::string r = repr_of(d);
  CHECK(r.starts_with("{1: 1, 3: 3"));
  CHECK(r.ends_with("99: 99, 0: 0}"));
  decref(d);
}

TEST_CASE("sets iterate in CPython's table order") {
  Runtime rt;
  SetObject* s = new_set();
  for (int v : {10, 3, 8, 1, 64, 2}) {
    Object* o = new_int(v);
    set_add(s, o);
    decref(o);
  }
  CHECK(repr_of(s) == "{64, 1, 2, 3, 8, 10}");
  decref(s);
}

TEST_CASE("unhashable keys give CPython's message") {
  Runtime rt;
  DictObject* d = new_dict();
  ListObject* l = new_list();
  CHECK(dict_set_item(d, l, l) == -1);
  Object* exc = fetch_error();
  REQUIRE(exc);
  Object* msg = exception_str(exc);
  CHECK(as_str(msg)->utf8 == "cannot use 'list' as a dict key (unhashable type: 'list')");
  for (Object* o : {exc, msg, static_cast<Object*>(l), static_cast<Object*>(d)}) decref(o);
}

TEST_CASE("str indexes by code point") {
  Runtime rt;
  StrObject* s = new_str("h\xc3\xa9llo \xe2\x9c\x97");  // "héllo ✗"
  CHECK(s->length == 7);
  CHECK(s->at(1) == U'\u00e9');
  CHECK(s->at(6) == U'\u2717');
  Object* idx = new_int(-1);
  Object* last = get_item(s, idx);
  CHECK(as_str(last)->utf8 == "\xe2\x9c\x97");
  for (Object* o : {idx, last, static_cast<Object*>(s)}) decref(o);
}

TEST_CASE("finalize frees reference cycles") {
  InterpreterSettings settings;
  ThreadState* ts = create_interpreter(settings);
  Interpreter* interp = ts->interp;
  ListObject* a = new_list();
  ListObject* b = new_list();
  list_append(a, b);
  list_append(b, a);
  decref(a);
  decref(b);  // both still alive through the cycle
  CHECK(interp->live_count > 0);
  finalize_modules(interp);
  free_all_objects(interp);
  CHECK(interp->live_count == 0);
  destroy_interpreter(ts);
  CHECK(get_thread_state() == nullptr);
}

TEST_CASE("errors are values on the thread state") {
  Runtime rt;
  Object* zero = new_int(0);
  Object* one = new_int(1);
  CHECK(binary_op(one, zero, BinaryOp::floordiv) == nullptr);
  CHECK(error_matches(&exc_ZeroDivisionError));
  clear_error();
  CHECK(!error_occurred());
  decref(zero);
  decref(one);
}
