// Plugin manifests: JSON parsed with Boost.JSON and validated key by key.
//
// Boost.JSON is compiled into libgopy from this one translation unit (boost/json/src.hpp)
// rather than linked as libboost_json.so: that library and its libboost_container.so
// dependency would be two more shared objects to map and relocate on every start-up,
// which is counted in instructions. Its symbols are kept hidden so they neither grow
// libgopy's dynamic symbol table nor clash with a plugin that links Boost.JSON itself.
#include "plugin/manifest.hpp"

#include <algorithm>
#include <array>
#include <climits>

#include "plugin/plugin_fs.hpp"

// C library declarations must not fall under the hidden pragma (they would be looked
// for inside libgopy), so the ones Boost.JSON reaches for come first.
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cwchar>
// Boost.System's classes are Boost.JSON's base classes and are declared before the pragma
// too: clang refuses a second declaration of a class with another visibility.
#include <boost/system/error_code.hpp>
#include <boost/system/system_error.hpp>

#pragma GCC visibility push(hidden)
#include <boost/json/src.hpp>
#pragma GCC visibility pop

namespace gopy::plugin {
namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

constexpr std::array<std::string_view, 6> kPlatforms = {"linux",  "windows", "macos",
                                                        "freebsd", "netbsd", "openbsd"};

const char* kind_name(json::kind k) {
  switch (k) {
    case json::kind::null: return "null";
    case json::kind::bool_: return "a boolean";
    case json::kind::int64:
    case json::kind::uint64: return "an integer";
    case json::kind::double_: return "a number";
    case json::kind::string: return "a string";
    case json::kind::array: return "an array";
    case json::kind::object: return "an object";
  }
  return "a value";
}

// A C identifier: plugin names, slot names and entry symbols.
bool is_identifier(std::string_view s) {
  if (s.empty()) return false;
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (!alpha(s[0])) return false;
  return std::all_of(s.begin(), s.end(),
                     [&](char c) { return alpha(c) || (c >= '0' && c <= '9'); });
}

// Thrown inside this file only, caught in read_manifest: the first problem of a manifest.
struct Invalid {
  std::string key;
  std::string problem;
};

[[noreturn]] void fail(std::string key, std::string problem) {
  throw Invalid{std::move(key), std::move(problem)};
}

void expect_kind(const json::value& v, const std::string& key, json::kind want) {
  bool same = v.kind() == want ||
              (want == json::kind::int64 && v.kind() == json::kind::uint64);
  if (!same) fail(key, std::string("expected ") + kind_name(want) + ", got " + kind_name(v.kind()));
}

// Unknown keys are collected in `unknown` (a newer manifest may carry keys this kernel does
// not know: a warning, not an error); missing required ones are errors.
void check_keys(const json::object& obj, const std::string& prefix,
                std::initializer_list<std::string_view> required,
                std::initializer_list<std::string_view> optional,
                std::vector<std::string>& unknown) {
  for (const auto& kv : obj) {
    std::string_view k(kv.key().data(), kv.key().size());
    bool known = std::find(required.begin(), required.end(), k) != required.end() ||
                 std::find(optional.begin(), optional.end(), k) != optional.end();
    if (!known) unknown.push_back(prefix + std::string(k));
  }
  for (std::string_view k : required)
    if (!obj.contains(json::string_view(k.data(), k.size()))) fail(prefix + std::string(k), "missing key");
}

std::string get_string(const json::object& obj, const std::string& key) {
  const json::value& v = obj.at(key);
  expect_kind(v, key, json::kind::string);
  const json::string& s = v.get_string();
  return std::string(s.data(), s.size());
}

std::int64_t get_integer(const json::value& v, const std::string& key, std::int64_t lo,
                         std::int64_t hi) {
  expect_kind(v, key, json::kind::int64);
  bool in_range = v.is_int64() ? (v.get_int64() >= lo && v.get_int64() <= hi)
                               : v.get_uint64() <= static_cast<std::uint64_t>(hi);
  if (!in_range)
    fail(key, "integer out of range [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
  return v.is_int64() ? v.get_int64() : static_cast<std::int64_t>(v.get_uint64());
}

// An array of identifiers (or of known platform names).
std::vector<std::string> get_names(const json::object& obj, const std::string& key,
                                   bool platforms) {
  std::vector<std::string> out;
  if (!obj.contains(key)) return out;
  const json::value& v = obj.at(key);
  expect_kind(v, key, json::kind::array);
  const json::array& arr = v.get_array();
  for (std::size_t i = 0; i < arr.size(); ++i) {
    std::string item_key = key + "[" + std::to_string(i) + "]";
    expect_kind(arr[i], item_key, json::kind::string);
    std::string name(arr[i].get_string().data(), arr[i].get_string().size());
    if (platforms && !known_platform(name))
      fail(item_key, "unknown platform '" + name +
                         "' (expected linux, windows, macos, freebsd, netbsd or openbsd)");
    if (!platforms && !is_identifier(name))
      fail(item_key, "'" + name + "' is not a valid name (letters, digits and '_')");
    if (std::find(out.begin(), out.end(), name) != out.end())
      fail(item_key, "'" + name + "' is listed twice");
    out.push_back(std::move(name));
  }
  if (platforms && out.empty()) fail(key, "must list at least one platform (or be left out)");
  return out;
}

AbiTag get_abi(const json::object& obj, std::vector<std::string>& unknown) {
  const json::value& v = obj.at("abi");
  expect_kind(v, "abi", json::kind::object);
  const json::object& abi = v.get_object();
  check_keys(abi, "abi.", {"major", "minor", "identity"}, {}, unknown);
  AbiTag tag;
  tag.major = static_cast<std::uint32_t>(get_integer(abi.at("major"), "abi.major", 0, UINT32_MAX));
  tag.minor = static_cast<std::uint32_t>(get_integer(abi.at("minor"), "abi.minor", 0, UINT32_MAX));
  tag.identity = get_string(abi, "identity");
  if (tag.identity.empty()) fail("abi.identity", "must not be empty");
  return tag;
}

std::vector<AttachPoint> get_attach(const json::object& obj, std::vector<std::string>& unknown) {
  const json::value& v = obj.at("attach");
  expect_kind(v, "attach", json::kind::array);
  const json::array& arr = v.get_array();
  if (arr.empty()) fail("attach", "must list at least one attach point");
  std::vector<AttachPoint> points;
  for (std::size_t i = 0; i < arr.size(); ++i) {
    std::string key = "attach[" + std::to_string(i) + "]";
    expect_kind(arr[i], key, json::kind::object);
    const json::object& point = arr[i].get_object();
    check_keys(point, key + ".", {"phase", "order"}, {}, unknown);
    AttachPoint p;
    std::string phase = get_string(point, "phase");
    if (phase == "core") {
      p.phase = Phase::core;
    } else if (phase == "main") {
      p.phase = Phase::main;
    } else {
      fail(key + ".phase", "unknown phase '" + phase + "' (expected \"core\" or \"main\")");
    }
    p.order = static_cast<int>(get_integer(point.at("order"), key + ".order", INT_MIN, INT_MAX));
    for (const AttachPoint& q : points)
      if (q.phase == p.phase && q.order == p.order)
        fail(key, "duplicate attach point " + phase + " " + std::to_string(p.order));
    points.push_back(p);
  }
  return points;
}

// The library must stay inside the manifest's directory: relative, no "..", and no
// symlink resolving outside it.
fs::path get_library(const json::object& obj, const std::string& dir, const std::string& real_dir) {
  std::string text = get_string(obj, "library");
  if (text.empty()) fail("library", "must not be empty");
  // A file name ends at a NUL: "x\u0000.so" would load x.
  if (text.find('\0') != std::string::npos) fail("library", "path '" + text + "' contains a NUL character");
  bool drive = text.size() > 1 && text[1] == ':' &&
               ((text[0] >= 'a' && text[0] <= 'z') || (text[0] >= 'A' && text[0] <= 'Z'));
  if (text[0] == '/' || text[0] == '\\' || drive)
    fail("library", "path '" + text + "' must be relative to the manifest's directory");
  // dir + the components of `text`, without "." and empty ones (its normal form).
  std::string full = dir;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = std::min(text.find_first_of("/\\", start), text.size());
    std::string_view part(text.data() + start, end - start);
    if (part == "..") fail("library", "path '" + text + "' leaves the manifest's directory");
    if (!part.empty() && part != ".") (full += '/') += part;
    start = end + 1;
  }
  if (full == dir) fail("library", "path '" + text + "' names no file");
  if (real_dir.empty()) fail("library", "cannot resolve the manifest's directory " + dir);
  if (std::optional<std::string> real = real_path(full)) {
    std::string inside = real_dir == "/" ? real_dir : real_dir + "/";
    if (real->compare(0, inside.size(), inside) != 0)
      fail("library", "path '" + text + "' resolves to " + *real + ", outside the manifest's directory");
  } else if (is_symlink(full)) {
    fail("library", "path '" + text + "' is a symlink that does not resolve");
  }
  return full;
}

Manifest validate(const json::value& doc, const std::string& file, const std::string& dir,
                  const std::string& real_dir, std::vector<std::string>& unknown) {
  if (!doc.is_object()) fail("(top level)", std::string("expected an object, got ") + kind_name(doc.kind()));
  const json::object& obj = doc.get_object();
  // A module plugin lists its modules instead of attach points: it is loaded on import.
  const bool module_plugin = obj.contains("modules");
  if (module_plugin)
    check_keys(obj, "", {"name", "library", "entry", "abi", "modules"},
               {"platforms", "provides", "requires", "description", "version", "attach"}, unknown);
  else
    check_keys(obj, "", {"name", "library", "entry", "abi", "attach"},
               {"platforms", "provides", "requires", "description", "version"}, unknown);
  Manifest m;
  m.file = file;
  m.name = get_string(obj, "name");
  if (!is_identifier(m.name)) fail("name", "'" + m.name + "' is not a valid name (letters, digits and '_')");
  m.entry = get_string(obj, "entry");
  if (!is_identifier(m.entry)) fail("entry", "'" + m.entry + "' is not a valid symbol name");
  if (obj.contains("description")) (void)get_string(obj, "description");
  if (obj.contains("version")) (void)get_string(obj, "version");
  m.abi = get_abi(obj, unknown);
  m.platforms = get_names(obj, "platforms", true);
  m.provides = get_names(obj, "provides", false);
  m.requires_ = get_names(obj, "requires", false);
  for (std::size_t i = 0; i < m.requires_.size(); ++i)
    if (m.requires_[i] == m.name)
      fail("requires[" + std::to_string(i) + "]", "plugin '" + m.name + "' requires itself");
  if (module_plugin) {
    if (obj.contains("attach"))
      fail("attach", "a plugin listing \"modules\" is loaded when one of them is imported and has no attach points");
    m.modules = get_names(obj, "modules", false);
    if (m.modules.empty()) fail("modules", "must list at least one module (or be left out)");
  } else {
    m.attach = get_attach(obj, unknown);
  }
  m.library = get_library(obj, dir, real_dir);
  return m;
}

// "line L, column C": where `offset` falls in `text` (both counted from 1, columns in bytes).
std::string position_text(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line = 1, line_start = 0;
  for (std::size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  return std::to_string(line) + ":" + std::to_string(offset - line_start + 1);
}

// json::parse, with a syntax error as "not valid JSON at L:C: <what>" in `error`. The
// stream parser stops at the first byte it cannot take, which is where the error is.
json::value parse_json(std::string_view text, std::string& error) {
  json::stream_parser parser;
  boost::system::error_code ec;
  std::size_t used = parser.write_some(text.data(), text.size(), ec);
  if (!ec && used < text.size()) ec = json::error::extra_data;
  if (!ec) parser.finish(ec);
  if (!ec) return parser.release();
  error = "not valid JSON at " + position_text(text, used) + ": " + ec.message();
  return nullptr;
}

}  // namespace

bool known_platform(std::string_view name) {
  return std::find(kPlatforms.begin(), kPlatforms.end(), name) != kPlatforms.end();
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte != 0x7F) {
      out += c;
      continue;
    }
    char escape[8];
    std::snprintf(escape, sizeof escape, "\\u%04x", byte);
    out += escape;
  }
  return out;
}

std::string manifest_error(std::string_view file, std::string_view key, std::string_view problem) {
  std::string line = "plugin manifest " + std::string(file) + ": ";
  if (!key.empty()) line += "key '" + std::string(key) + "': ";
  line += problem;
  return printable(line);
}

ManifestResult read_manifest(const std::string& file, const std::string& dir,
                             const std::string& real_dir) {
  std::string io_error;
  std::optional<std::string> text = read_file(file, io_error);
  if (!text) {
    ManifestResult result;
    result.error = manifest_error(file, "", "cannot read: " + io_error);
    return result;
  }
  return parse_manifest(*text, file, dir, real_dir);
}

ManifestResult parse_manifest(const std::string& text, const std::string& file,
                              const std::string& dir, const std::string& real_dir) {
  ManifestResult result;
  std::string syntax_error;
  json::value doc = parse_json(text, syntax_error);
  if (!syntax_error.empty()) {
    result.error = manifest_error(file, "", syntax_error);
    return result;
  }
  std::vector<std::string> unknown;
  try {
    result.manifest = validate(doc, file, dir, real_dir, unknown);
  } catch (const Invalid& invalid) {
    result.error = manifest_error(file, invalid.key, invalid.problem);
  }
  for (const std::string& key : unknown)
    result.warnings.push_back(manifest_error(file, key, "unknown key, ignored"));
  return result;
}

}  // namespace gopy::plugin
