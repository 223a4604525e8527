// libxml2's HTML and XML parsers (system library, `libxml2-dev`), for DocBaoWeb only.
// Include path from pkg-config libxml-2.0 (/usr/include/libxml2).
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
