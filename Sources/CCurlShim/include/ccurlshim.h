#ifndef DOCBAO_CCURLSHIM_H
#define DOCBAO_CCURLSHIM_H

// libcurl, loaded with dlopen when a fetch happens: docbao neither links it nor needs its
// headers. The few prototypes, option numbers and callback types below are declared by hand;
// they are libcurl's stable ABI (curl.h, "CURLOPT(name, type, number)"), unchanged since 7.x.

#include <stddef.h>
#include <stdint.h>

typedef size_t (*dbcurl_data_callback)(char *data, size_t size, size_t count, void *context);
typedef int (*dbcurl_xferinfo_callback)(void *context, int64_t dltotal, int64_t dlnow, int64_t ultotal, int64_t ulnow);

enum {
    DBCURLOPT_WRITEDATA = 10001,
    DBCURLOPT_URL = 10002,
    DBCURLOPT_WRITEFUNCTION = 20011,
    DBCURLOPT_USERAGENT = 10018,
    DBCURLOPT_HTTPHEADER = 10023,
    DBCURLOPT_HEADERDATA = 10029,
    DBCURLOPT_NOPROGRESS = 43,
    DBCURLOPT_FOLLOWLOCATION = 52,
    DBCURLOPT_XFERINFODATA = 10057,
    DBCURLOPT_HEADERFUNCTION = 20079,
    DBCURLOPT_NOSIGNAL = 99,
    DBCURLOPT_ACCEPT_ENCODING = 10102,
    DBCURLOPT_TIMEOUT_MS = 155,
    DBCURLOPT_CONNECTTIMEOUT_MS = 156,
    DBCURLOPT_PROTOCOLS = 181,
    DBCURLOPT_XFERINFOFUNCTION = 20219,
    DBCURLOPT_PROTOCOLS_STR = 10318,
    DBCURLOPT_CAINFO = 10065,
};

enum {
    DBCURLINFO_RESPONSE_CODE = 0x200000 + 2,
    DBCURLINFO_CONTENT_TYPE = 0x100000 + 18,
    DBCURLINFO_REDIRECT_URL = 0x100000 + 31,
};

enum {
    DBCURLPROTO_HTTP = 1,
    DBCURLPROTO_HTTPS = 2,
};

/// Opens `name` ("libcurl.so.4") and calls curl_global_init. 0 when it opened (the first library
/// opened is the one used), -1 when it or one of its functions is missing (nothing kept then).
/// Not thread-safe: the Swift side calls it once, from a `static let`.
int dbcurl_open(const char *name);

void *dbcurl_easy_init(void);
void dbcurl_easy_cleanup(void *handle);
int dbcurl_setopt_long(void *handle, int option, long value);
int dbcurl_setopt_pointer(void *handle, int option, const void *value);
int dbcurl_setopt_data_callback(void *handle, int option, dbcurl_data_callback callback);
int dbcurl_setopt_xferinfo_callback(void *handle, dbcurl_xferinfo_callback callback);
int dbcurl_perform(void *handle);
int dbcurl_getinfo_long(void *handle, int info, long *value);
int dbcurl_getinfo_string(void *handle, int info, const char **value);
const char *dbcurl_strerror(int code);
void *dbcurl_slist_append(void *list, const char *line);
void dbcurl_slist_free_all(void *list);

#endif
