// libxml2's HTML and XML parsers (system library, `libxml2-dev`), for DocBaoWeb only.
// Include path from pkg-config libxml-2.0 (/usr/include/libxml2).
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, and its encoding.h then includes ICU's unicode/ucnv.h, whose
// UErrorCode differs from the one in the toolchain's own ICU (Foundation's): clang refuses the two
// when one compile job of a target meets both (which files share a job varies from build to build).
// docbao never touches libxml2's ICU converters (the handler struct is only ever seen by pointer),
// so its headers are read without ICU.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parserInternals.h>

// libxml2's generic error handler is variadic, which Swift cannot write: a silent one, in C.
static void docbao_xml_ignore_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void docbao_xml_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, docbao_xml_ignore_error);
    xmlSetStructuredErrorFunc(NULL, NULL);
}
// xmlFree is a global function pointer, which Swift 6 will not read from concurrent code.
static inline void docbao_xml_free(void *p) { xmlFree(p); }
