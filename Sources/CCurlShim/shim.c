#include "ccurlshim.h"

#include <dlfcn.h>

// The functions docbao calls, looked up once. curl_easy_setopt and curl_easy_getinfo are
// variadic: the wrappers below call them with exactly one argument of the option's type.
static struct {
    int (*global_init)(long flags);
    void *(*easy_init)(void);
    void (*easy_cleanup)(void *);
    int (*easy_setopt)(void *, int, ...);
    int (*easy_perform)(void *);
    int (*easy_getinfo)(void *, int, ...);
    const char *(*easy_strerror)(int);
    void *(*slist_append)(void *, const char *);
    void (*slist_free_all)(void *);
} curl;

static int loaded;

int dbcurl_open(const char *name) {
    void *library = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (!library) return -1;
    if (loaded) return 0;
    int (*global_init)(long) = (int (*)(long))dlsym(library, "curl_global_init");
    void *easy_init = dlsym(library, "curl_easy_init");
    void *easy_cleanup = dlsym(library, "curl_easy_cleanup");
    void *easy_setopt = dlsym(library, "curl_easy_setopt");
    void *easy_perform = dlsym(library, "curl_easy_perform");
    void *easy_getinfo = dlsym(library, "curl_easy_getinfo");
    void *easy_strerror = dlsym(library, "curl_easy_strerror");
    void *slist_append = dlsym(library, "curl_slist_append");
    void *slist_free_all = dlsym(library, "curl_slist_free_all");
    if (!global_init || !easy_init || !easy_cleanup || !easy_setopt || !easy_perform || !easy_getinfo
        || !easy_strerror || !slist_append || !slist_free_all) {
        dlclose(library);
        return -1;
    }
    // CURL_GLOBAL_ALL (3): once per process, before any handle; the library stays loaded.
    if (global_init(3) != 0) {
        dlclose(library);
        return -1;
    }
    curl.global_init = global_init;
    curl.easy_init = (void *(*)(void))easy_init;
    curl.easy_cleanup = (void (*)(void *))easy_cleanup;
    curl.easy_setopt = (int (*)(void *, int, ...))easy_setopt;
    curl.easy_perform = (int (*)(void *))easy_perform;
    curl.easy_getinfo = (int (*)(void *, int, ...))easy_getinfo;
    curl.easy_strerror = (const char *(*)(int))easy_strerror;
    curl.slist_append = (void *(*)(void *, const char *))slist_append;
    curl.slist_free_all = (void (*)(void *))slist_free_all;
    loaded = 1;
    return 0;
}

void *dbcurl_easy_init(void) { return curl.easy_init(); }
void dbcurl_easy_cleanup(void *handle) { curl.easy_cleanup(handle); }
int dbcurl_setopt_long(void *handle, int option, long value) { return curl.easy_setopt(handle, option, value); }
int dbcurl_setopt_pointer(void *handle, int option, const void *value) { return curl.easy_setopt(handle, option, value); }
int dbcurl_setopt_data_callback(void *handle, int option, dbcurl_data_callback callback) {
    return curl.easy_setopt(handle, option, callback);
}
int dbcurl_setopt_xferinfo_callback(void *handle, dbcurl_xferinfo_callback callback) {
    return curl.easy_setopt(handle, DBCURLOPT_XFERINFOFUNCTION, callback);
}
int dbcurl_perform(void *handle) { return curl.easy_perform(handle); }
int dbcurl_getinfo_long(void *handle, int info, long *value) { return curl.easy_getinfo(handle, info, value); }
int dbcurl_getinfo_string(void *handle, int info, const char **value) { return curl.easy_getinfo(handle, info, value); }
const char *dbcurl_strerror(int code) { return curl.easy_strerror(code); }
void *dbcurl_slist_append(void *list, const char *line) { return curl.slist_append(list, line); }
void dbcurl_slist_free_all(void *list) { curl.slist_free_all(list); }
