# The SDK end to end (a CTest script, cmake -P): install the SDK component of the build
# into a fresh prefix, build tests/plugin/sdk_plugin out of tree with find_package(gopy)
# and again with pkg-config alone, then let plugin_test's [.sdk] case attach both; then
# install the rest (gopy and its plugins) and drop sdk_module into the prefix's
# site-plugins: `gopy -c` sees the module it adds. Then what a stranger does: a module
# plugin through the module API (docs/sdk.md's greet) from its own CMake project, checked
# by check_greet.py through the installed gopy, and a C program embedding gopy
# from a C-only CMake project and from pkg-config, neither needing Boost.
# Variables: BUILD_DIR SOURCE_DIR WORK_DIR PLUGIN_TEST CXX CC GENERATOR LIBDIR
include(${CMAKE_CURRENT_LIST_DIR}/../run_command.cmake)
if(NOT CC)
  find_program(CC NAMES cc gcc REQUIRED)  # the C embedder's compiler (gopy itself is C++)
endif()

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
  # Clean for C: no C++ standard, no Boost definition; C++ adds the cxxflags variable.
  if(run_output MATCHES "-std=|BOOST")
    message(FATAL_ERROR "pkg-config --cflags --libs gopy printed '${run_output}'")
  endif()
  run(${pc_env} ${PKG_CONFIG} --variable=cxxflags gopy)
  separate_arguments(cxxflags UNIX_COMMAND "${run_output}")
  list(APPEND flags ${cxxflags})
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
run(${prefix}/bin/gopy-config --cflags --ldflags --embed --version --schema)
string(REPLACE "\n" ";" lines "${run_output}")
list(GET lines 0 cflags)
list(GET lines 1 ldflags)
list(GET lines 3 schema)
if(NOT cflags STREQUAL "-I${prefix}/include" OR
   NOT ldflags STREQUAL "-L${prefix}/${LIBDIR} -lgopy -Wl,-rpath,${prefix}/${LIBDIR}" OR
   NOT EXISTS "${schema}")
  message(FATAL_ERROR "gopy-config printed:\n${run_output}")
endif()
# From the build tree, --cflags names directories that exist.
run(${BUILD_DIR}/bin/gopy-config --cflags)
separate_arguments(build_cflags UNIX_COMMAND "${run_output}")
foreach(flag ${build_cflags})
  string(REGEX REPLACE "^-I" "" dir "${flag}")
  if(NOT IS_DIRECTORY "${dir}" OR NOT flag MATCHES "^-I")
    message(FATAL_ERROR "build tree gopy-config --cflags printed '${run_output}'")
  endif()
endforeach()
# The manifest schema is installed beside the SDK.
if(NOT EXISTS ${prefix}/share/gopy/manifest.schema.json)
  message(FATAL_ERROR "manifest.schema.json is not installed under share/gopy")
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

# 5. A stranger's module plugin: docs/sdk.md's greet, built through the module API from its
# own CMake project and dropped into site-plugins. It is loaded only by `import greet`;
# check_greet.py covers its function (keyword arguments, defaults, every argument error),
# exception, constant and type (method, getter, setter) through the installed gopy.
run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/sdk_stranger -B ${WORK_DIR}/stranger_build -G ${GENERATOR}
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_BUILD_TYPE=RelWithDebInfo)
run(${CMAKE_COMMAND} --build ${WORK_DIR}/stranger_build)
file(COPY ${WORK_DIR}/stranger_build/plugins/greet.so ${WORK_DIR}/stranger_build/plugins/greet.json
     DESTINATION ${site})
run(${CMAKE_COMMAND} -E env --unset=GOPY_PLUGIN_PATH ${prefix}/bin/gopy
    ${SOURCE_DIR}/sdk_stranger/check_greet.py)
file(READ ${SOURCE_DIR}/sdk_stranger/check_greet.expected expected)
if(NOT run_output STREQUAL expected)
  file(WRITE ${WORK_DIR}/check_greet.out "${run_output}")
  message(FATAL_ERROR "check_greet.py printed ${WORK_DIR}/check_greet.out, expected "
                      "${SOURCE_DIR}/sdk_stranger/check_greet.expected:\n${run_output}")
endif()
run(${CMAKE_COMMAND} -E env --unset=GOPY_PLUGIN_PATH ${prefix}/bin/gopy -X plugins)
if(NOT run_output MATCHES "greet.json: chosen \\(lazy: modules greet; not loaded\\)")
  message(FATAL_ERROR "gopy -X plugins does not list greet as lazy:\n${run_output}")
endif()

# 6. A C program embedding gopy: a C-only CMake project (no C++ compiler, no Boost)...
run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/sdk_embed_c -B ${WORK_DIR}/embed_build -G ${GENERATOR}
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_C_COMPILER=${CC} -DCMAKE_BUILD_TYPE=RelWithDebInfo
    "-DCMAKE_C_FLAGS=${SANITIZE_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${SANITIZE_FLAGS}")
run(${CMAKE_COMMAND} --build ${WORK_DIR}/embed_build)
run(${WORK_DIR}/embed_build/embed_c "import greet\nprint(greet.greet('C'))")
if(NOT run_output STREQUAL "hello, C!\n")
  message(FATAL_ERROR "the C embedder printed '${run_output}'")
endif()
# ...and with pkg-config and gopy-config --embed's run path alone.
if(PKG_CONFIG)
  run(${pc_env} ${PKG_CONFIG} --cflags gopy)
  separate_arguments(c_flags UNIX_COMMAND "${run_output}")
  run(${prefix}/bin/gopy-config --ldflags --embed)
  separate_arguments(c_ldflags UNIX_COMMAND "${run_output}")
  separate_arguments(sanitize_flags UNIX_COMMAND "${SANITIZE_FLAGS}")
  run(${CC} -o ${WORK_DIR}/pc_build/embed_c ${SOURCE_DIR}/sdk_embed_c/embed.c ${c_flags} ${c_ldflags}
      ${sanitize_flags})
  run(${WORK_DIR}/pc_build/embed_c)
  if(NOT run_output STREQUAL "3\n")
    message(FATAL_ERROR "the pkg-config C embedder printed '${run_output}'")
  endif()
  # A module plugin in plain C from the same flags (identity "c": no C++ compiler involved).
  run(${CC} -std=c99 -Wall -Wextra -Werror -shared -fPIC -fvisibility=hidden -o ${site}/hello_c.so
      ${SOURCE_DIR}/sdk_embed_c/hello_c.c ${c_flags} ${c_ldflags} ${sanitize_flags})
  file(COPY ${SOURCE_DIR}/sdk_embed_c/hello_c.json DESTINATION ${site})
  run(${WORK_DIR}/pc_build/embed_c "import hello_c\nprint(hello_c.hello('x'), hello_c.hello(1, times=2), hello_c.ANSWER)")
  if(NOT run_output STREQUAL "('x', 1) (1, 2) 42\n")
    message(FATAL_ERROR "the C module plugin printed '${run_output}'")
  endif()
endif()
message(STATUS "the stranger's plugin and the C embedder work")
