/* Opens the exported part of a header; gopy/api_end.h closes it. libgopy is built with
 * -fvisibility=hidden (fewer dynamic symbols and relocations at start-up), so what the
 * public headers declare is what it exports, plus the few internal headers (prim, the
 * parser, manifests) that the unit tests call directly. No include guard: each such
 * header includes both. Plugins and programs see no change. */
#if defined(GOPY_BUILDING_KERNEL) && defined(__GNUC__)
#pragma GCC visibility push(default)
#endif
