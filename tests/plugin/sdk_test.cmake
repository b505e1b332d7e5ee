# The SDK end to end (a CTest script, cmake -P): install the SDK component of the build
# into a fresh prefix, build tests/plugin/sdk_plugin out of tree with find_package(gopy)
# and again with pkg-config alone, then let plugin_test's [.sdk] case attach both; then
# install the rest (gopy and its plugins) and drop sdk_module into the prefix's
# site-plugins: `gopy -c` sees the module it adds.
# Variables: BUILD_DIR SOURCE_DIR WORK_DIR PLUGIN_TEST CXX GENERATOR LIBDIR
include(${CMAKE_CURRENT_LIST_DIR}/../run_command.cmake)

set(prefix ${WORK_DIR}/prefix)
file(REMOVE_RECURSE ${WORK_DIR})
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --component sdk --prefix ${prefix})

# 1. CMake: find_package(gopy CONFIG) and gopy_add_plugin().
run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/sdk_plugin -B ${WORK_DIR}/cmake_build -G ${GENERATOR}
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_BUILD_TYPE=RelWithDebInfo)
run(${CMAKE_COMMAND} --build ${WORK_DIR}/cmake_build)
set(plugin_dirs ${WORK_DIR}/cmake_build/plugins)

# 2. pkg-config: the compiler flags, and the ABI identity for the manifest.
find_program(PKG_CONFIG NAMES pkg-config pkgconf)
if(PKG_CONFIG)
  set(pc_env ${CMAKE_COMMAND} -E env PKG_CONFIG_PATH=${prefix}/${LIBDIR}/pkgconfig)
  run(${pc_env} ${PKG_CONFIG} --cflags --libs gopy)
  separate_arguments(flags UNIX_COMMAND "${run_output}")
  run(${pc_env} ${PKG_CONFIG} --variable=abi gopy)
  string(STRIP "${run_output}" abi)
  string(REGEX REPLACE "^[0-9]+\\.[0-9]+ " "" identity "${abi}")
  file(MAKE_DIRECTORY ${WORK_DIR}/pc_build)
  run(${CXX} -shared -fPIC -fvisibility=hidden -o ${WORK_DIR}/pc_build/sdk_hello.so
      ${SOURCE_DIR}/sdk_plugin/sdk_hello.cpp ${flags})
  file(READ ${SOURCE_DIR}/sdk_plugin/sdk_hello.json manifest)
  string(REPLACE "@GOPY_ABI_IDENTITY@" "${identity}" manifest "${manifest}")
  file(WRITE ${WORK_DIR}/pc_build/sdk_hello.json "${manifest}")
  string(APPEND plugin_dirs ":${WORK_DIR}/pc_build")
else()
  message(STATUS "pkg-config not found: only the CMake package is exercised")
endif()

# 3. gopy-config answers for the installed prefix (and agrees with pkg-config's ABI).
run(${prefix}/bin/gopy-config --plugindir --abi)
string(REPLACE "\n" ";" lines "${run_output}")
list(GET lines 0 plugindir)
list(GET lines 1 config_abi)
if(NOT plugindir STREQUAL "${prefix}/${LIBDIR}/gopy/plugins")
  message(FATAL_ERROR "gopy-config --plugindir printed ${plugindir}")
endif()
if(NOT config_abi MATCHES "^[0-9]+[.][0-9]+ [^ ]+$" OR (abi AND NOT config_abi STREQUAL abi))
  message(FATAL_ERROR "gopy-config --abi printed '${config_abi}' (pkg-config: '${abi}')")
endif()

run(${CMAKE_COMMAND} -E env GOPY_SDK_PLUGIN_DIRS=${plugin_dirs} ${PLUGIN_TEST} "[.sdk]")
message(STATUS "${run_output}")

# 4. The whole installation, with the out-of-tree sdk_module in its site-plugins.
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})
set(site ${prefix}/${LIBDIR}/gopy/site-plugins)
file(MAKE_DIRECTORY ${site})
file(COPY ${WORK_DIR}/cmake_build/module_plugins/sdk_module.so
          ${WORK_DIR}/cmake_build/module_plugins/sdk_module.json DESTINATION ${site})
# (Two lines: a ';' would split the CMake argument.)
run(${CMAKE_COMMAND} -E env --unset=GOPY_PLUGIN_PATH
    ${prefix}/bin/gopy -c "import sdk_module\nprint(sdk_module.attached_at)")
if(NOT run_output STREQUAL "main 25\n")
  message(FATAL_ERROR "gopy -c printed '${run_output}', expected 'main 25'")
endif()
message(STATUS "sdk_module attached at ${run_output}")
