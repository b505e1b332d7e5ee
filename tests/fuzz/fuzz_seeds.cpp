#include "fuzz_seeds.hpp"

#include <algorithm>
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

}  // namespace

std::map<std::string, std::vector<Seed>> make_seeds(const fs::path& vectors,
                                                    const fs::path& manifests,
                                                    const fs::path& run_known_failures) {
  std::map<std::string, std::vector<Seed>> seeds;
  add_cli_seeds(vectors / "cli", seeds["cli"]);
  add_run_seeds(vectors / "run", listed_cases(run_known_failures), seeds["parser"], seeds["utf8"]);
  for (const fs::path& file : json_files(manifests)) {
    if (file.filename() == "manifest.schema.json") continue;
    seeds["manifest"].push_back({file.filename().string(), read_text(file), true});
  }
  return seeds;
}

}  // namespace gopy::fuzz
