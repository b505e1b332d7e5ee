// The instruction set of gopy's stack machine (CPython: Include/opcode.h, the 3.11 design:
// a value stack per frame, an exception table instead of a block stack).
//
// An instruction is 8 bytes: the opcode and two operands. `a` is the main operand (a slot,
// a constant index, a jump target in instructions, a count); `b` is a second one where an
// instruction needs it. The stack effects live beside the opcodes (stack_effect) so the
// compiler can size every frame's value stack.
#pragma once

#include <cstddef>
#include <cstdint>

namespace gopy {

// X(name): the opcodes in dispatch-table order.
#define GOPY_OPCODES(X)                                                                      \
  X(NOP)                                                                                     \
  X(RESUME)               /* a frame's first instruction: a pending signal is raised here */ \
  X(POP_TOP)                                                                                 \
  X(DUP_TOP)                                                                                 \
  X(ROT_TWO)                                                                                 \
  X(ROT_THREE)                                                                               \
  X(LOAD_CONST)           /* a: const */                                                     \
  X(LOAD_FAST)            /* a: slot */                                                      \
  X(STORE_FAST)                                                                              \
  X(DELETE_FAST)                                                                             \
  X(CLEAR_FAST)           /* drops a comprehension's hidden variable, no error */            \
  X(MAKE_CELL)            /* a: slot; a fresh empty cell (a comprehension's captured name) */ \
  X(LOAD_DEREF)           /* a: cell slot */                                                 \
  X(STORE_DEREF)                                                                             \
  X(DELETE_DEREF)                                                                            \
  X(LOAD_GLOBAL)          /* a: name const */                                                \
  X(STORE_GLOBAL)                                                                            \
  X(DELETE_GLOBAL)                                                                           \
  X(LOAD_NAME)            /* a: name const; b: cell slot + 1 of a class body's free name */  \
  X(STORE_NAME)                                                                              \
  X(DELETE_NAME)                                                                             \
  X(LOAD_ATTR)            /* a: name const */                                                \
  X(STORE_ATTR)                                                                              \
  X(DELETE_ATTR)                                                                             \
  X(LOAD_METHOD)          /* obj -> func, self-or-null */                                    \
  X(BINARY_SUBSCR)                                                                           \
  X(STORE_SUBSCR)                                                                            \
  X(DELETE_SUBSCR)                                                                           \
  X(BINARY_OP)            /* a: BinaryOp */                                                  \
  X(INPLACE_OP)                                                                              \
  X(UNARY_OP)             /* a: UnaryOp */                                                   \
  X(UNARY_NOT)                                                                               \
  X(COMPARE_OP)           /* a: CmpKind */                                                   \
  X(COMPARE_JUMP_IF_FALSE) /* a: target; b: CmpKind (compare-and-branch, no bool) */         \
  X(JUMP)                 /* a: target */                                                    \
  X(JUMP_BACKWARD)        /* a: target; a loop's back edge (a signal check) */               \
  X(POP_JUMP_IF_FALSE)                                                                       \
  X(POP_JUMP_IF_TRUE)                                                                        \
  X(JUMP_IF_FALSE_OR_POP)                                                                    \
  X(JUMP_IF_TRUE_OR_POP)                                                                     \
  X(GET_ITER)                                                                                \
  X(FOR_ITER)             /* a: exit target (the iterator is popped there) */                \
  X(RETURN_VALUE)                                                                            \
  X(BUILD_TUPLE)          /* a: count */                                                     \
  X(BUILD_LIST)                                                                              \
  X(BUILD_SET)                                                                               \
  X(BUILD_MAP)            /* a: pairs */                                                     \
  X(LIST_APPEND)          /* a: depth of the list below the value */                         \
  X(SET_ADD)                                                                                 \
  X(MAP_ADD)                                                                                 \
  X(LIST_EXTEND)          /* a: depth; a starred display element */                          \
  X(LIST_TO_TUPLE)                                                                           \
  X(LIST_TO_SET)                                                                             \
  X(DICT_UPDATE)          /* `**m` in a dict display */                                      \
  X(BUILD_SLICE)          /* b: mask of present parts (1 lower, 2 upper, 4 step) */          \
  X(UNPACK_SEQUENCE)      /* a: count */                                                     \
  X(UNPACK_EX)            /* a: before the star; b: after it */                              \
  X(COPY)                 /* a: depth (1 = top); pushes a copy of that value */             \
  X(SWAP)                 /* a: depth; exchanges the top with that value */                  \
  X(GET_LEN)              /* obj -> obj, len(obj) */                                         \
  X(MATCH_SEQUENCE)       /* subject -> subject, bool */                                     \
  X(MATCH_MAPPING)        /* subject -> subject, bool */                                     \
  X(MATCH_KEYS)           /* subject, keys -> subject, keys, values tuple or None */         \
  X(MATCH_CLASS)          /* a: positional count; subject, cls, names -> attrs or None */    \
  X(CALL_INTRINSIC_1)     /* a: Intrinsic1; value -> result */                               \
  X(CALL_INTRINSIC_2)     /* a: Intrinsic2; value1, value2 -> result */                      \
  X(CALL)                 /* a: arguments incl. keywords; b: kwnames const + 1 */            \
  X(CALL_METHOD)          /* the same after LOAD_METHOD */                                   \
  X(CALL_SUPER0)          /* a: __class__ cell slot + 1; b: first argument slot + 1 (x2, +1 cell) */ \
  X(CALL_EX)              /* func, positional list, keyword dict */                          \
  X(CALL_STAR_EXTEND)     /* func, list, iterable -> func, list */                           \
  X(CALL_KW_ADD)          /* a: name const; func, list, dict, value */                       \
  X(CALL_KW_MERGE)        /* func, list, dict, mapping */                                    \
  X(MAKE_FUNCTION)        /* a: code const; b: 1 defaults tuple, 2 kwdefaults dict */        \
  X(BUILD_CLASS)          /* a: name const; b: qualname const; bases, kwargs, body -> class */\
  X(RAISE)                /* a: 0 re-raise, 1 exc, 2 exc and cause */                        \
  X(RERAISE)                                                                                 \
  X(PUSH_EXC_INFO)        /* a: handler nesting level in this frame */                       \
  X(POP_EXCEPT)                                                                              \
  X(CHECK_EXC_MATCH)      /* exc, type -> exc, bool */                                       \
  X(ASSERT_FAIL)          /* a: 1 with a message */                                          \
  X(IMPORT_NAME)          /* a: name const; b: level; fromlist -> module */                  \
  X(IMPORT_SUBATTR)       /* a: dotted name const; `import a.b as c` */                      \
  X(IMPORT_FROM)          /* a: name const; module -> module, value */                       \
  X(IMPORT_STAR)                                                                             \
  X(FORMAT_VALUE)         /* a: conversion or -1; b: 1 with a spec */                        \
  X(BUILD_STRING)         /* a: count */                                                     \
  X(PRINT_EXPR)                                                                              \
  X(GET_YIELD_FROM_ITER)                                                                     \
  X(SEND)                 /* a: exit target; iter, value -> iter, yielded | result */        \
  X(YIELD_VALUE)          /* a: the exit target of its `yield from`, or -1 */           \
  X(BEFORE_WITH)          /* a: 1 async; manager -> bound exit, entered (not awaited) */   \
  X(WITH_EXCEPT_START)    /* exit, exc -> exit, exc, exit(type, exc, tb) */                \
  X(GET_AWAITABLE)        /* a: 1 after __aenter__, 2 after __aexit__ (for the error) */ \
  X(GET_AITER)                                                                               \
  X(GET_ANEXT)            /* aiter -> aiter, awaitable */                                \
  X(CHECK_EG_MATCH)       /* rest, type -> rest', match (None: no match) */                \
  X(PREP_RERAISE_STAR)    /* raised list, orig -> raised list, exception to raise or None */ \
  X(ASYNC_GEN_WRAP)       /* value -> the value wrapped for an asynchronous generator's yield */

enum class Op : std::uint16_t {
#define GOPY_OP_ENUM(name) name,
  GOPY_OPCODES(GOPY_OP_ENUM)
#undef GOPY_OP_ENUM
      count
};

struct Instr {
  Op op;
  std::uint16_t b;
  std::int32_t a;
};

// One exception handler: where it starts and how deep the value stack is at its entry
// (the exception is pushed on top).
struct ExceptionHandler {
  int target;
  int depth;
};

// Comparison kinds (COMPARE_OP's operand); the first six match CompareOp.
enum class CmpKind { lt, le, eq, ne, gt, ge, is, is_not, in, not_in };

// How many values an instruction leaves on the stack minus how many it takes, on its
// fall-through path (`jump` false) or its jump (`jump` true).
int stack_effect(const Instr& ins, bool jump);
bool is_jump(Op op);             // has a jump target in `a`
bool is_terminal(Op op);         // control never falls through
const char* op_name(Op op);

}  // namespace gopy
