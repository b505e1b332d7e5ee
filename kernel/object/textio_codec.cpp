// The standard streams' codec: text written is encoded with the stream's encoding and
// error handler, lines read are decoded with them (CPython: Modules/_io/textio.c
// _io_TextIOWrapper_write_impl, textiowrapper_get_decoded_chars; the codec comes from
// Python/pylifecycle.c create_stdio).
#include "object/textio_codec.hpp"

#include "gopy/codecs.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_str.hpp"
#include "object/codec_internal.hpp"

namespace gopy {

namespace {

// UTF-8 text without lone surrogates: what a UTF-8 stream writes as it is.
bool is_plain_utf8(std::string_view text) {
  for (size_t i = 0; i + 1 < text.size(); ++i)
    if (static_cast<unsigned char>(text[i]) == 0xED && (static_cast<unsigned char>(text[i + 1]) & 0xE0) == 0xA0)
      return false;
  return true;
}

bool is_ascii(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

}  // namespace

void textio_set_encoding(Object* stream, std::string encoding, std::string errors) {
  auto* io = static_cast<TextIOObject*>(stream);
  io->encoding = std::move(encoding);
  io->errors = std::move(errors);
}

bool textio_encode(TextIOObject* io, std::string_view text, std::string* out) {
  const bool utf8 = io->encoding == "utf-8";
  if ((utf8 && is_plain_utf8(text)) || is_ascii(text)) {
    if (utf8 || io->encoding == "ascii" || io->encoding == "iso8859-1" || io->encoding == "cp1252") {
      out->append(text);
      return true;
    }
  }
  const codec::Entry* entry = codec::find(io->encoding);
  if (!entry) {
    set_error(&exc_LookupError, "unknown encoding: " + io->encoding);
    return false;
  }
  codec::EncodeState state(entry);
  state.started = true;  // standard streams write no BOM, as CPython's on a pipe
  // A write that fails writes nothing.
  std::string encoded;
  if (!codec::encode(state, nullptr, decode_utf8(text), io->errors, true, &encoded)) return false;
  out->append(encoded);
  return true;
}

bool textio_decode_chunk(TextIOObject* io, std::string_view bytes, std::string* out) {
  if (is_ascii(bytes) && io->encoding == "ascii") {
    out->append(bytes);
    return true;
  }
  Object* text = codec_decode(bytes, io->encoding, io->errors);
  if (!text) return false;
  out->append(as_str(text)->utf8);
  decref(text);
  return true;
}

}  // namespace gopy
