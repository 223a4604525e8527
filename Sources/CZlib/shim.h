// zlib (system library, `zlib1g-dev`): the library's stored texts are deflated, for DocBaoStore only.
#include <zlib.h>

// deflateInit2/inflateInit2 are macros (they pass the version and the stream's size), which Swift
// cannot call.
static inline int docbao_deflate_init(z_stream *s, int level) {
    return deflateInit2(s, level, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY);
}
static inline int docbao_inflate_init(z_stream *s) { return inflateInit2(s, 15); }
