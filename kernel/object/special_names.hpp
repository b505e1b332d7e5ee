// The special-method names of the type slots, indexed as CompareOp, BinaryOp and UnaryOp
// (class.cpp dispatches them to Python code, slot_wrappers.cpp exposes the built-in
// types' slots under them).
#pragma once

namespace gopy {

inline constexpr const char* kCompareNames[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

// {operator, reflected, in-place} per BinaryOp.
inline constexpr const char* kBinaryNames[][3] = {
    {"__add__", "__radd__", "__iadd__"},          {"__sub__", "__rsub__", "__isub__"},
    {"__mul__", "__rmul__", "__imul__"},          {"__truediv__", "__rtruediv__", "__itruediv__"},
    {"__floordiv__", "__rfloordiv__", "__ifloordiv__"}, {"__mod__", "__rmod__", "__imod__"},
    {"__pow__", "__rpow__", "__ipow__"},          {"__lshift__", "__rlshift__", "__ilshift__"},
    {"__rshift__", "__rrshift__", "__irshift__"}, {"__and__", "__rand__", "__iand__"},
    {"__or__", "__ror__", "__ior__"},             {"__xor__", "__rxor__", "__ixor__"},
    {"__matmul__", "__rmatmul__", "__imatmul__"},
};

inline constexpr const char* kUnaryNames[] = {"__neg__", "__pos__", "__invert__"};

}  // namespace gopy
