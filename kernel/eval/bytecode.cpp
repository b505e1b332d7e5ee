// Stack effects and properties of the opcodes (CPython: Python/flowgraph.c stack_effect).
#include "eval/bytecode.hpp"

namespace gopy {

bool is_jump(Op op) {
  switch (op) {
    case Op::JUMP:
    case Op::JUMP_BACKWARD:
    case Op::POP_JUMP_IF_FALSE:
    case Op::POP_JUMP_IF_TRUE:
    case Op::JUMP_IF_FALSE_OR_POP:
    case Op::JUMP_IF_TRUE_OR_POP:
    case Op::COMPARE_JUMP_IF_FALSE:
    case Op::FOR_ITER:
    case Op::SEND: return true;
    default: return false;
  }
}

bool is_terminal(Op op) {
  switch (op) {
    case Op::JUMP:
    case Op::JUMP_BACKWARD:
    case Op::RETURN_VALUE:
    case Op::RAISE:
    case Op::RERAISE:
    case Op::ASSERT_FAIL: return true;
    default: return false;
  }
}

int stack_effect(const Instr& ins, bool jump) {
  int a = ins.a, b = ins.b;
  switch (ins.op) {
    case Op::NOP:
    case Op::RESUME:
    case Op::ROT_TWO:
    case Op::ROT_THREE:
    case Op::DELETE_FAST:
    case Op::CLEAR_FAST:
    case Op::MAKE_CELL:
    case Op::DELETE_DEREF:
    case Op::DELETE_GLOBAL:
    case Op::DELETE_NAME:
    case Op::LOAD_ATTR:
    case Op::UNARY_OP:
    case Op::UNARY_NOT:
    case Op::JUMP:
    case Op::JUMP_BACKWARD:
    case Op::GET_ITER:
    case Op::LIST_TO_TUPLE:
    case Op::LIST_TO_SET:
    case Op::CALL_SUPER0:
    case Op::PUSH_EXC_INFO:
    case Op::POP_EXCEPT:
    case Op::CHECK_EXC_MATCH:
    case Op::IMPORT_NAME:
    case Op::IMPORT_SUBATTR:
    case Op::GET_YIELD_FROM_ITER:
    case Op::GET_AWAITABLE:
    case Op::CHECK_EG_MATCH:
    case Op::PREP_RERAISE_STAR:
    case Op::ASYNC_GEN_WRAP:
    case Op::GET_AITER:
    case Op::SWAP:
    case Op::CALL_INTRINSIC_1:
    case Op::YIELD_VALUE: return 0;
    case Op::BEFORE_WITH:
    case Op::GET_ANEXT:
    case Op::WITH_EXCEPT_START: return 1;
    case Op::DUP_TOP:
    case Op::LOAD_CONST:
    case Op::LOAD_FAST:
    case Op::LOAD_DEREF:
    case Op::LOAD_GLOBAL:
    case Op::LOAD_NAME:
    case Op::LOAD_METHOD:
    case Op::IMPORT_FROM:
    case Op::COPY:
    case Op::GET_LEN:
    case Op::MATCH_SEQUENCE:
    case Op::MATCH_MAPPING:
    case Op::MATCH_KEYS: return 1;
    case Op::POP_TOP:
    case Op::STORE_FAST:
    case Op::STORE_DEREF:
    case Op::STORE_GLOBAL:
    case Op::STORE_NAME:
    case Op::DELETE_ATTR:
    case Op::BINARY_SUBSCR:
    case Op::BINARY_OP:
    case Op::INPLACE_OP:
    case Op::COMPARE_OP:
    case Op::POP_JUMP_IF_FALSE:
    case Op::POP_JUMP_IF_TRUE:
    case Op::RETURN_VALUE:
    case Op::LIST_APPEND:
    case Op::SET_ADD:
    case Op::LIST_EXTEND:
    case Op::DICT_UPDATE:
    case Op::CALL_STAR_EXTEND:
    case Op::CALL_KW_ADD:
    case Op::CALL_KW_MERGE:
    case Op::RERAISE:
    case Op::IMPORT_STAR:
    case Op::PRINT_EXPR:
    case Op::CALL_INTRINSIC_2: return -1;
    case Op::BUILD_CLASS:
    case Op::STORE_ATTR:
    case Op::DELETE_SUBSCR:
    case Op::MAP_ADD:
    case Op::COMPARE_JUMP_IF_FALSE:
    case Op::CALL_EX:
    case Op::MATCH_CLASS: return -2;
    case Op::STORE_SUBSCR: return -3;
    case Op::JUMP_IF_FALSE_OR_POP:
    case Op::JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case Op::FOR_ITER: return jump ? -1 : 1;
    case Op::SEND: return jump ? -1 : 0;
    case Op::BUILD_TUPLE:
    case Op::BUILD_LIST:
    case Op::BUILD_SET:
    case Op::BUILD_STRING: return 1 - a;
    case Op::BUILD_MAP: return 1 - 2 * a;
    case Op::BUILD_SLICE: return 1 - ((b & 1) + ((b >> 1) & 1) + ((b >> 2) & 1));
    case Op::UNPACK_SEQUENCE: return a - 1;
    case Op::UNPACK_EX: return a + b;
    case Op::CALL: return -a;
    case Op::CALL_METHOD: return -a - 1;
    case Op::MAKE_FUNCTION: return 1 - ((b & 1) + ((b >> 1) & 1));
    case Op::RAISE:
    case Op::ASSERT_FAIL: return -a;
    case Op::FORMAT_VALUE: return -b;
    case Op::count: return 0;
  }
  return 0;
}

const char* op_name(Op op) {
  static const char* const names[] = {
#define GOPY_OP_NAME(name) #name,
      GOPY_OPCODES(GOPY_OP_NAME)
#undef GOPY_OP_NAME
  };
  return op < Op::count ? names[std::size_t(op)] : "?";
}

}  // namespace gopy
