# docs/pathconfig.md's worked example, out of tree (a CTest script, cmake -P): take its
# C++, manifest and CMake blocks from the document, install gopy (SDK included) into a
# fresh prefix, build the strategy there with find_package(gopy) and gopy::gopy_pathconfig,
# drop it into the prefix's site-plugins, and run the installed gopy: the strategy's marker
# comes first in sys.path, and pathconfig_unix is not attached.
# Variables: BUILD_DIR DOC WORK_DIR CXX GENERATOR LIBDIR
include(${CMAKE_CURRENT_LIST_DIR}/../run_command.cmake)

# The first fenced block of `language` in the worked example's section.
function(example_block section language out_var)
  string(FIND "${section}" "```${language}\n" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "docs/pathconfig.md: the worked example has no ${language} block")
  endif()
  string(LENGTH "```${language}\n" fence)
  math(EXPR at "${at} + ${fence}")
  string(SUBSTRING "${section}" ${at} -1 rest)
  string(FIND "${rest}" "```" end)
  string(SUBSTRING "${rest}" 0 ${end} block)
  set(${out_var} "${block}" PARENT_SCOPE)
endfunction()

file(READ ${DOC} doc)
string(FIND "${doc}" "### A worked example" start)
if(start EQUAL -1)
  message(FATAL_ERROR "docs/pathconfig.md has no worked example")
endif()
string(SUBSTRING "${doc}" ${start} -1 section)
string(FIND "${section}" "\n## " end)
string(SUBSTRING "${section}" 0 ${end} section)

set(source_dir ${WORK_DIR}/strategy_source)
set(prefix ${WORK_DIR}/prefix)
file(REMOVE_RECURSE ${WORK_DIR})
example_block("${section}" cpp cpp)
example_block("${section}" json manifest)
example_block("${section}" cmake lists)
file(WRITE ${source_dir}/pathconfig_test.cpp "${cpp}")
file(WRITE ${source_dir}/pathconfig_test.json "${manifest}")
file(WRITE ${source_dir}/CMakeLists.txt "${lists}")

run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})
run(${CMAKE_COMMAND} -S ${source_dir} -B ${WORK_DIR}/build -G ${GENERATOR}
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_BUILD_TYPE=RelWithDebInfo)
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)

set(site ${prefix}/${LIBDIR}/gopy/site-plugins)
file(MAKE_DIRECTORY ${site})
file(COPY ${WORK_DIR}/build/plugins/pathconfig_test.so ${WORK_DIR}/build/plugins/pathconfig_test.json
     DESTINATION ${site})
run(${CMAKE_COMMAND} -E env --unset=GOPY_PLUGIN_PATH --unset=PYTHONPATH
    ${prefix}/bin/gopy -X lifecycle -c "import sys\nprint(sys.path[1])\nprint(sys.prefix)")
if(NOT run_output STREQUAL "/gopy-test-strategy/marker\n${prefix}\n")
  message(FATAL_ERROR "gopy printed '${run_output}', expected the marker, then ${prefix}")
endif()
if(NOT run_error MATCHES "attach pathconfig_test@main:10" OR run_error MATCHES "pathconfig_unix")
  message(FATAL_ERROR "not the one strategy attached:\n${run_error}")
endif()
message(STATUS "the worked example's strategy attached: sys.path[1] ${run_output}")
