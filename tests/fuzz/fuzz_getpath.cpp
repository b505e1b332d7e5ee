// Fuzz target: the getpath strategies (POSIX and Windows rules) over a fuzzed virtual file
// system. The input is one getpath case as the conformance vectors spell it (JSON: os_name,
// constants, env, runtime, cwd, config, fs); what cannot be read as a case is rejected
// before the strategy runs.
#include <exception>
#include <string_view>

#include <boost/json.hpp>

#include "fuzz_targets.hpp"
#include "getpath_case.hpp"
#include "gopy/getpath_nt.hpp"
#include "gopy/getpath_posix.hpp"

namespace gopy::fuzz {

bool getpath_accepts(const std::uint8_t* data, std::size_t size) {
  namespace pc = gopy::pathconfig;
  namespace json = boost::json;
  boost::system::error_code ec;
  json::value doc = json::parse(std::string_view(reinterpret_cast<const char*>(data), size), ec);
  if (ec || !doc.is_object()) return false;
  const json::object& c = doc.get_object();
  pc::PathConfigRequest request;
  try {
    request = pc::request_from_case(c);
  } catch (const std::exception&) {
    return false;
  }
  const bool nt = request.os_name == pc::OsName::nt;
  pc::VirtualFileSystem fs(nt ? pc::nt_path_syntax() : pc::posix_path_syntax());
  try {
    pc::fill_virtual_fs(pc::need(c, "fs").as_object(), fs);
  } catch (const std::exception&) {
    return false;
  }
  // The strategy itself runs outside any try: an exception from it is a finding.
  pc::PathConfigOutput out;
  Status status = nt ? pc::compute_nt_path_config(request, fs, out)
                     : pc::compute_posix_path_config(request, fs, out);
  return status.is_ok();
}

}  // namespace gopy::fuzz
