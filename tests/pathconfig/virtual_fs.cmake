# gopy_test_virtual_fs: the getpath tests' virtual file system and the reading of a getpath
# vector case into it (included by tests/ and, in the fuzz tree, by tests/fuzz).
add_library(gopy_test_virtual_fs STATIC ${CMAKE_CURRENT_LIST_DIR}/virtual_fs.cpp
                                        ${CMAKE_CURRENT_LIST_DIR}/getpath_case.cpp)
target_include_directories(gopy_test_virtual_fs PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_compile_options(gopy_test_virtual_fs PRIVATE ${GOPY_WARNINGS})
target_link_libraries(gopy_test_virtual_fs PUBLIC gopy_pathconfig Boost::json)
