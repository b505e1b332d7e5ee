#include "fuzz_seeds.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include <boost/json.hpp>

#include "fuzz_targets.hpp"

namespace gopy::fuzz {
namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<fs::path> json_files(const fs::path& dir) {
  if (!fs::is_directory(dir)) throw std::runtime_error(dir.string() + " is not a directory");
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

json::array cases_of(const fs::path& file) {
  return json::parse(read_text(file)).as_object().at("cases").as_array();
}

std::set<std::string> listed_cases(const fs::path& known_failures) {
  std::set<std::string> names;
  std::istringstream lines(read_text(known_failures));
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    names.insert(line.substr(0, line.find_first_of(" \t")));
  }
  return names;
}

// cli vectors: the arguments and environment changes; valid when CPython exits 0.
void add_cli_seeds(const fs::path& dir, std::vector<Seed>& seeds) {
  for (const fs::path& file : json_files(dir)) {
    for (const json::value& value : cases_of(file)) {
      const json::object& c = value.as_object();
      std::vector<std::string> args;
      for (const json::value& arg : c.at("argv").as_array()) args.emplace_back(arg.as_string());
      std::vector<std::string> env;
      if (const json::value* changes = c.if_contains("env")) {
        for (const auto& [name, setting] : changes->as_object()) {
          env.emplace_back(name);
          if (setting.is_string()) (env.back() += '=') += setting.as_string();
        }
      }
      seeds.push_back({file.stem().string() + "/" + std::string(c.at("name").as_string()),
                       cli_input(args, env), c.at("exit_code").as_int64() == 0});
    }
  }
}

bool is_syntax_error(const json::object& c) {
  std::string_view err = c.at("stderr").as_string();
  return err.find("SyntaxError") != std::string_view::npos ||
         err.find("IndentationError") != std::string_view::npos ||
         err.find("TabError") != std::string_view::npos;
}

// run vectors: every .py file is a parser seed (valid when its case passes today and
// CPython reports no syntax error) and a UTF-8 seed (always valid: JSON text is UTF-8).
void add_run_seeds(const fs::path& dir, const std::set<std::string>& failing,
                   std::vector<Seed>& parser, std::vector<Seed>& utf8) {
  for (const fs::path& file : json_files(dir)) {
    for (const json::value& value : cases_of(file)) {
      const json::object& c = value.as_object();
      std::string name = file.stem().string() + "/" + std::string(c.at("name").as_string());
      bool parses = !failing.count(name) && !is_syntax_error(c);
      for (const auto& [path, content] : c.at("files").as_object()) {
        std::string seed_name = name + "/" + std::string(path);
        std::string text(content.as_string());
        if (seed_name.size() > 3 && seed_name.ends_with(".py"))
          parser.push_back({seed_name, text, parses});
        utf8.push_back({seed_name, text, true});
      }
    }
  }
}

// getpath vectors: each case as its JSON; valid when CPython computed paths (no error
// expected) and the case passes today.
// The set's folder holds one folder a rule set (posix/, nt/); case names are unique.
void add_getpath_seeds(const fs::path& dir, const std::set<std::string>& failing, std::vector<Seed>& seeds) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_directory())
      for (fs::path& file : json_files(entry.path())) files.push_back(std::move(file));
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    for (const json::value& value : cases_of(file)) {
      const json::object& c = value.as_object();
      std::string name(c.at("name").as_string());
      bool valid = !failing.count(name) && c.at("expected").as_object().at("error").is_null();
      seeds.push_back({name, json::serialize(c), valid});
    }
  }
}

// codecs: every vector text (UTF-8) under the decoders that must take any text of it,
// with strict errors: UTF-8, UTF-8 with a signature, Latin-1; ASCII when it is ASCII.
void add_codec_seeds(const std::vector<Seed>& texts, std::vector<Seed>& seeds) {
  for (const Seed& text : texts) {
    bool ascii = std::all_of(text.input.begin(), text.input.end(),
                             [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
    for (std::string_view codec : {"utf-8", "utf-8-sig", "latin-1", "ascii"}) {
      if (codec == "ascii" && !ascii) continue;
      seeds.push_back({std::string(codec) + ":" + text.name, codecs_input(codec_index(codec), 0, text.input), true});
    }
  }
}

// json: the lib_json run cases' programs (starting points only) and each line of their
// expected output, which must decode when it is strict JSON (Boost.JSON parses it).
void add_json_seeds(const fs::path& dir, std::vector<Seed>& seeds) {
  for (const json::value& value : cases_of(dir / "lib_json.json")) {
    const json::object& c = value.as_object();
    std::string name = "lib_json/" + std::string(c.at("name").as_string());
    for (const auto& [path, content] : c.at("files").as_object())
      seeds.push_back({name + "/" + std::string(path), std::string(content.as_string()), false});
    std::istringstream lines{std::string(c.at("stdout").as_string())};
    int n = 0;
    for (std::string line; std::getline(lines, line); ++n) {
      boost::system::error_code ec;
      json::parse(line, ec);
      seeds.push_back({name + "/stdout:" + std::to_string(n + 1), line, !ec});
    }
  }
}

// re: every raw string literal (r"...") of the lib_re programs, as a pattern over the
// start of its case's output; valid when it is the pattern argument of an re call (those
// programs compile them all).
void add_re_seeds(const fs::path& file, std::vector<Seed>& seeds) {
  static const std::string_view kCalls[] = {"compile(", "match(", "search(", "fullmatch(", "findall(",
                                            "finditer(", "sub(", "subn(", "split("};
  for (const json::value& value : cases_of(file)) {
    const json::object& c = value.as_object();
    std::string name(c.at("name").as_string());
    std::string subject(c.at("stdout").as_string().subview().substr(0, 64));
    std::string source(c.at("files").as_object().at("main.py").as_string());
    int n = 0;
    for (size_t at = source.find("r\""); at != std::string::npos; at = source.find("r\"", at + 2)) {
      if (at > 0 && (std::isalnum(static_cast<unsigned char>(source[at - 1])) || source[at - 1] == '_')) continue;
      if (source.compare(at, 4, "r\"\"\"") == 0) continue;
      size_t end = at + 2;
      while (end < source.size() && source[end] != '"' && source[end] != '\n') end += source[end] == '\\' ? 2 : 1;
      if (end >= source.size() || source[end] != '"') continue;
      std::string pattern = source.substr(at + 2, end - at - 2);
      bool call = std::any_of(std::begin(kCalls), std::end(kCalls), [&](std::string_view f) {
        return at >= f.size() && source.compare(at - f.size(), f.size(), f) == 0 &&
               at > f.size() && source[at - f.size() - 1] == '.';
      });
      seeds.push_back({name + "/" + std::to_string(n++), re_input(0, pattern, subject), call});
    }
  }
}

}  // namespace

std::map<std::string, std::vector<Seed>> make_seeds(const fs::path& vectors,
                                                    const fs::path& manifests,
                                                    const fs::path& run_known_failures) {
  std::map<std::string, std::vector<Seed>> seeds;
  add_cli_seeds(vectors / "cli", seeds["cli"]);
  add_run_seeds(vectors / "run", listed_cases(run_known_failures), seeds["parser"], seeds["utf8"]);
  add_codec_seeds(seeds["utf8"], seeds["codecs"]);
  add_json_seeds(vectors / "run", seeds["json"]);
  add_re_seeds(vectors / "run" / "lib_re.json", seeds["re"]);
  fs::path getpath_failures = run_known_failures.parent_path() / "getpath.txt";
  add_getpath_seeds(vectors / "getpath", listed_cases(getpath_failures), seeds["getpath"]);
  for (const fs::path& file : json_files(manifests)) {
    if (file.filename() == "manifest.schema.json") continue;
    seeds["manifest"].push_back({file.filename().string(), read_text(file), true});
  }
  return seeds;
}

}  // namespace gopy::fuzz
