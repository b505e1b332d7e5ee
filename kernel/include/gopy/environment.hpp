// The process environment as configuration reading sees it: variables and the LC_CTYPE
// locale. Injectable so tests and embedders decide what PYTHON* variables exist; the
// default is the real process environment.
#pragma once
#include "gopy/api_begin.h"

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gopy {

class Environment {
 public:
  virtual ~Environment() = default;
  // The variable's value, or nullopt when it is not set (an empty value is returned as "").
  virtual std::optional<std::string> get(std::string_view name) const = 0;
  // setenv(name, value, 1): used by C locale coercion (PEP 538) to export LC_CTYPE.
  virtual void set(std::string_view name, std::string_view value) = 0;
  // unsetenv(name) (os.unsetenv, del os.environ[name]).
  virtual void unset(std::string_view name) = 0;
  // Every variable, in the environment's order (os.environ is made from them).
  virtual std::vector<std::pair<std::string, std::string>> variables() const = 0;
  // The LC_CTYPE locale that setlocale(LC_CTYPE, "") would select for this environment
  // ("C" for the C and POSIX locales, as glibc names them).
  virtual std::string ctype_locale() const = 0;
  // Whether `name` is an installed locale usable as LC_CTYPE (a coercion target).
  virtual bool has_locale(std::string_view name) const = 0;
  // Make LC_CTYPE follow the environment (CPython: _Py_SetLocaleFromEnv(LC_CTYPE)).
  virtual void apply_ctype_locale() {}
  // The working directory, against which a relative script path is made absolute
  // (getcwd by default; nullopt when it cannot be known).
  virtual std::optional<std::string> current_directory() const;
};

// The real process: getenv/setenv and setlocale.
class ProcessEnvironment final : public Environment {
 public:
  std::optional<std::string> get(std::string_view name) const override;
  void set(std::string_view name, std::string_view value) override;
  void unset(std::string_view name) override;
  std::vector<std::pair<std::string, std::string>> variables() const override;
  std::string ctype_locale() const override;
  bool has_locale(std::string_view name) const override;
  void apply_ctype_locale() override;
};

// A map of variables, for tests and embedders. The LC_CTYPE locale is derived from
// LC_ALL, LC_CTYPE, LANG as the C library does; `locales` lists the installed ones
// (the C library's built-in "C", "POSIX" and "C.UTF-8" by default).
class MapEnvironment final : public Environment {
 public:
  MapEnvironment() = default;
  MapEnvironment(std::initializer_list<std::pair<const std::string, std::string>> vars)
      : vars_(vars) {}
  explicit MapEnvironment(const std::map<std::string, std::string>& vars)
      : vars_(vars.begin(), vars.end()) {}

  std::optional<std::string> get(std::string_view name) const override;
  void set(std::string_view name, std::string_view value) override;
  void unset(std::string_view name) override;
  std::vector<std::pair<std::string, std::string>> variables() const override;
  std::string ctype_locale() const override;
  bool has_locale(std::string_view name) const override;
  std::optional<std::string> current_directory() const override { return cwd_; }
  void set_current_directory(std::string cwd) { cwd_ = std::move(cwd); }

  const std::map<std::string, std::string, std::less<>>& vars() const { return vars_; }

 private:
  std::map<std::string, std::string, std::less<>> vars_;
  std::optional<std::string> cwd_ = std::string("/");
};

// The shared ProcessEnvironment instance (the default when none is injected).
Environment& process_environment();
// The running runtime's Environment: the one injected by the embedder, else the process's.
Environment& runtime_environment();

}  // namespace gopy
#include "gopy/api_end.h"
