# gopy_probe_abi_identity(<out-var> <gopy include dir> <probe source>)
# Sets <out-var> to what GOPY_ABI_IDENTITY (gopy/plugin.hpp) expands to with this
# project's C++ compiler, for the "identity" of plugin manifests. Used by the gopy build
# and by the installed CMake package alike, so a manifest always names the compiler the
# plugin is really built with.
function(gopy_probe_abi_identity out_var include_dir probe_source)
  try_run(gopy_abi_run gopy_abi_compiled ${CMAKE_BINARY_DIR}/gopy_abi_probe ${probe_source}
    CMAKE_FLAGS -DINCLUDE_DIRECTORIES=${include_dir}
    CXX_STANDARD 20 CXX_STANDARD_REQUIRED ON CXX_EXTENSIONS OFF
    COMPILE_OUTPUT_VARIABLE gopy_abi_compile_output
    RUN_OUTPUT_VARIABLE gopy_abi_identity)
  if(NOT gopy_abi_compiled OR NOT gopy_abi_run EQUAL 0)
    message(FATAL_ERROR "gopy: cannot determine the plugin ABI identity:\n${gopy_abi_compile_output}")
  endif()
  set(${out_var} "${gopy_abi_identity}" PARENT_SCOPE)
endfunction()
