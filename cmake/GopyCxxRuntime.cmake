# Start-up cost: the C++ runtime linked into each shipped library and program, private to it.
# Loading libstdc++.so costs about 1.6 M instructions at every start (the dynamic loader
# binding the library's ~1,700 references to itself), more than the whole of gopy's own
# start-up. Linked from libstdc++.a instead, each start-up library (libgopy, the plugins,
# the programs) binds its piece of the runtime at link time. The copies stay private
# (--exclude-libs): no runtime symbol is exported, so none can interpose on another
# library's, and no plugin gets a STB_GNU_UNIQUE symbol (which would make it NODELETE).
# Nothing that needs one shared runtime crosses between them: no C++ exception crosses a
# shared object, and no gopy library uses the standard streams.
# The sanitizer and fuzz trees keep the shared runtime, as their instrumentation expects.
option(GOPY_PRIVATE_CXX_RUNTIME "Link libstdc++ statically into gopy's libraries and programs" ON)
if(GOPY_PRIVATE_CXX_RUNTIME AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU"
   AND CMAKE_SYSTEM_NAME STREQUAL "Linux" AND NOT GOPY_SANITIZE AND NOT GOPY_FUZZ)
  set(GOPY_CXX_RUNTIME_IS_PRIVATE ON)
else()
  set(GOPY_CXX_RUNTIME_IS_PRIVATE OFF)
endif()

# gopy_private_cxx_runtime(<target> [UNLOADABLE]): links <target> with its own private C++
# runtime; an UNLOADABLE target (a plugin) also releases the runtime's memory when unloaded.
function(gopy_private_cxx_runtime target)
  if(GOPY_CXX_RUNTIME_IS_PRIVATE)
    target_link_options(${target} PRIVATE -static-libstdc++ -Wl,--exclude-libs,libstdc++.a)
    if(ARGV1 STREQUAL "UNLOADABLE")
      target_sources(${target} PRIVATE ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/private_cxx_runtime_release.cpp)
    endif()
  endif()
endfunction()
