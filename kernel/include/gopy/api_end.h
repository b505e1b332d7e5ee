/* Closes what gopy/api_begin.h opened. No include guard: every public header includes it. */
#if defined(GOPY_BUILDING_KERNEL) && defined(__GNUC__)
#pragma GCC visibility pop
#endif
