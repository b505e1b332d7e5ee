// A library a fault-class plugin links against; it is built where the plugin cannot find
// it at run time, so loading the plugin fails the way a missing dependency does.
extern "C" int gopy_test_dependency_value() { return 42; }
