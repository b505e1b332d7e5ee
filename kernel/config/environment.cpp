// The real process environment and the map-backed one used by tests and embedders.
#include "gopy/environment.hpp"

#include <cstring>

#include "config/config_internal.hpp"

#include <cerrno>
#include <clocale>
#include <cstdlib>
#include <locale.h>
#include <unistd.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <vector>

namespace gopy {

std::optional<std::string> ProcessEnvironment::get(std::string_view name) const {
  const char* value = std::getenv(std::string(name).c_str());
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

void ProcessEnvironment::set(std::string_view name, std::string_view value) {
  ::setenv(std::string(name).c_str(), std::string(value).c_str(), 1);
}

void ProcessEnvironment::unset(std::string_view name) { ::unsetenv(std::string(name).c_str()); }

// CPython: Modules/posixmodule.c convertenviron (a name's first definition wins).
std::vector<std::pair<std::string, std::string>> ProcessEnvironment::variables() const {
  std::vector<std::pair<std::string, std::string>> vars;
  for (char** entry = environ; entry && *entry; ++entry) {
    std::string_view text(*entry);
    size_t eq = text.find('=');
    if (eq == std::string_view::npos || eq == 0) continue;
    std::string name(text.substr(0, eq));
    if (std::any_of(vars.begin(), vars.end(), [&](const auto& v) { return v.first == name; })) continue;
    vars.emplace_back(std::move(name), std::string(text.substr(eq + 1)));
  }
  return vars;
}

// Ask the C library which LC_CTYPE locale the environment selects, then put the
// current one back: reading the configuration has no side effect.
// Start-up cost: a configuration read asks several times, and each question is three
// setlocale calls; the answer only changes with the variables setlocale reads, so it is
// kept per process beside their values.
std::string ProcessEnvironment::ctype_locale() const {
  static constexpr const char* kInputs[] = {"LC_ALL", "LC_CTYPE", "LANG", "LOCPATH"};
  struct Answer {
    bool known = false;
    std::optional<std::string> inputs[std::size(kInputs)];
    std::string chosen;
  };
  static Answer cache;
  std::optional<std::string> inputs[std::size(kInputs)];
  for (std::size_t i = 0; i < std::size(kInputs); ++i)
    if (const char* value = std::getenv(kInputs[i])) inputs[i] = value;
  if (cache.known && std::equal(std::begin(inputs), std::end(inputs), std::begin(cache.inputs)))
    return cache.chosen;
  const char* current = std::setlocale(LC_CTYPE, nullptr);
  std::string saved = current != nullptr ? current : "C";
  const char* chosen = std::setlocale(LC_CTYPE, "");
  std::string result = chosen != nullptr ? chosen : saved;
  std::setlocale(LC_CTYPE, saved.c_str());
  // Only an answer the environment chose is kept: a failed setlocale falls back to the
  // current locale, which the next question may see differently.
  if (chosen != nullptr) {
    std::copy(std::begin(inputs), std::end(inputs), std::begin(cache.inputs));
    cache.chosen = result;
    cache.known = true;
  }
  return result;
}

bool ProcessEnvironment::has_locale(std::string_view name) const {
  locale_t loc = ::newlocale(LC_CTYPE_MASK, std::string(name).c_str(), static_cast<locale_t>(0));
  if (loc == static_cast<locale_t>(0)) return false;
  ::freelocale(loc);
  return true;
}

void ProcessEnvironment::apply_ctype_locale() { std::setlocale(LC_CTYPE, ""); }

std::optional<std::string> Environment::current_directory() const {
  std::vector<char> buffer(4096);
  while (::getcwd(buffer.data(), buffer.size()) == nullptr) {
    if (errno != ERANGE) return std::nullopt;
    buffer.resize(buffer.size() * 2);
  }
  return std::string(buffer.data());
}

namespace detail {

EnvironmentSnapshot::EnvironmentSnapshot(Environment& base) : base_(base) {
  if (dynamic_cast<ProcessEnvironment*>(&base) == nullptr) return;
  indexed_ = true;
  index();
}

// Only the PYTHON* variables are kept: they are nearly all a read asks for, and there are
// few of them; any other name is looked up in the environment itself.
constexpr std::string_view kIndexedPrefix = "PYTHON";

void EnvironmentSnapshot::index() {
  entries_.clear();
  for (char** entry = environ; entry && *entry; ++entry) {
    const char* text = *entry;
    if (std::strncmp(text, kIndexedPrefix.data(), kIndexedPrefix.size()) != 0) continue;
    const char* eq = std::strchr(text, '=');
    // An entry without '=' never matches a name.
    if (eq == nullptr) continue;
    entries_.push_back({std::string_view(text, static_cast<std::size_t>(eq - text)), eq + 1});
  }
}

std::optional<std::string> EnvironmentSnapshot::get(std::string_view name) const {
  if (!indexed_ || !name.starts_with(kIndexedPrefix)) return base_.get(name);
  for (const Entry& e : entries_)
    if (e.name == name) return std::string(e.value);
  return std::nullopt;
}

void EnvironmentSnapshot::set(std::string_view name, std::string_view value) {
  base_.set(name, value);
  if (indexed_) index();
}

void EnvironmentSnapshot::unset(std::string_view name) {
  base_.unset(name);
  if (indexed_) index();
}

}  // namespace detail

Environment& process_environment() {
  static ProcessEnvironment instance;
  return instance;
}

std::optional<std::string> MapEnvironment::get(std::string_view name) const {
  auto it = vars_.find(name);
  if (it == vars_.end()) return std::nullopt;
  return it->second;
}

void MapEnvironment::set(std::string_view name, std::string_view value) {
  vars_.insert_or_assign(std::string(name), std::string(value));
}

void MapEnvironment::unset(std::string_view name) {
  auto it = vars_.find(name);
  if (it != vars_.end()) vars_.erase(it);
}

std::vector<std::pair<std::string, std::string>> MapEnvironment::variables() const {
  return {vars_.begin(), vars_.end()};
}

// As setlocale(LC_CTYPE, ""): LC_ALL, then LC_CTYPE, then LANG; an unknown locale
// leaves the "C" locale; glibc names the POSIX locale "C".
std::string MapEnvironment::ctype_locale() const {
  for (const char* var : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    auto value = get(var);
    if (!value || value->empty()) continue;
    if (!has_locale(*value) || *value == "POSIX") return "C";
    return *value;
  }
  return "C";
}

bool MapEnvironment::has_locale(std::string_view name) const {
  return name == "C" || name == "POSIX" || name == "C.UTF-8" || name == "C.utf8";
}

}  // namespace gopy
