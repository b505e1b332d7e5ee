// Fuzz target: json.loads's native decoder (plugins/_json/json_decoder.cpp), run as
// JSONDecoder.decode runs it: skip whitespace, decode one document, skip whitespace, and
// accept only when the whole text was consumed. What decodes is encoded back
// (json_encoder.cpp), decoded and encoded again: the two encodings must be equal, and equal
// to the pieces iterencode yields, joined.
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz_targets.hpp"
#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "json_internal.hpp"

namespace gopy::fuzz {

namespace {

// json.loads(text) with the default hooks: the object, or null with the error cleared.
Object* loads(Object* text) {
  Object* zero_args[2] = {text, new_int(0)};  // a small int: immortal
  Ref<> start = Ref<>::steal(json::skip_whitespace(nullptr, zero_args, 2, nullptr));
  if (!start) return nullptr;
  Object* args[8] = {text, start.get(), True(), None(), None(), None(), None(), None()};
  Ref<> pair = Ref<>::steal(json::raw_decode(nullptr, args, 8, nullptr));
  if (!pair) return nullptr;
  auto* t = static_cast<TupleObject*>(pair.get());
  Object* skip_args[2] = {text, t->items[1]};
  Ref<> end = Ref<>::steal(json::skip_whitespace(nullptr, skip_args, 2, nullptr));
  if (!end || int_small_value(end.get()) != as_str(text)->length) return nullptr;
  return new_ref(t->items[0]);
}

// json.dumps(value); chunked: the text joined from iterencode's pieces.
Object* dumps(Object* value, bool chunked = false) {
  Ref<> seps[2] = {Ref<>::steal(new_str(": ")), Ref<>::steal(new_str(", "))};
  Object* args[11] = {value, True(), None(), None(), seps[0].get(), seps[1].get(),
                      False(), False(), True(), True(), chunked ? True() : False()};
  Ref<> r = Ref<>::steal(json::encode(nullptr, args, 11, nullptr));
  if (!r || !chunked) return r.release();
  auto* pair = static_cast<TupleObject*>(r.get());
  if (pair->items[1] != None()) return nullptr;
  std::string text;
  for (Object* piece : static_cast<ListObject*>(pair->items[0])->items) text += as_str(piece)->utf8;
  return new_str(text);
}

}  // namespace

bool json_accepts(const std::uint8_t* data, std::size_t size) {
  ensure_interpreter();
  Ref<> text = Ref<>::steal(new_str(std::string_view(reinterpret_cast<const char*>(data), size)));
  Ref<> value = Ref<>::steal(loads(text.get()));
  if (!value) {
    clear_error();
    return false;
  }
  Ref<> first = Ref<>::steal(dumps(value.get()));
  if (!first) std::abort();  // whatever decodes encodes (NaN and the infinities are allowed)
  Ref<> again = Ref<>::steal(loads(first.get()));
  if (!again) std::abort();
  Ref<> second = Ref<>::steal(dumps(again.get()));
  if (!second || as_str(first.get())->utf8 != as_str(second.get())->utf8) std::abort();
  Ref<> pieces = Ref<>::steal(dumps(value.get(), true));
  if (!pieces || as_str(first.get())->utf8 != as_str(pieces.get())->utf8) std::abort();
  return true;
}

}  // namespace gopy::fuzz
