#ifndef STEWARD_CCURL_SHIM_H
#define STEWARD_CCURL_SHIM_H

/*
 * Typed wrappers for libcurl's variadic functions.
 *
 * curl_easy_setopt, curl_multi_setopt and curl_easy_getinfo take their value
 * as a C variadic argument, which Swift cannot call. Each wrapper below fixes
 * the argument type so Swift sees an ordinary function. Use the variant whose
 * type matches the option's CURLOPTTYPE_* (long, pointer, string, off_t,
 * function pointer) as documented in curl.h.
 */

#include <curl/curl.h>
#include <stddef.h>

/* Callback shapes, named so Swift imports them as @convention(c) types. */

/** CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION. */
typedef size_t (*steward_curl_data_callback)(char *data, size_t size, size_t count, void *userdata);

/** CURLOPT_XFERINFOFUNCTION. Return non-zero to abort the transfer. */
typedef int (*steward_curl_progress_callback)(void *userdata,
                                              curl_off_t download_total, curl_off_t download_now,
                                              curl_off_t upload_total, curl_off_t upload_now);

/* curl_global_init: CURL_GLOBAL_ALL is a macro expression Swift does not import. */

static inline CURLcode steward_curl_global_init_all(void) {
    return curl_global_init(CURL_GLOBAL_ALL);
}

/* curl_easy_setopt */

static inline CURLcode steward_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode steward_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode steward_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode steward_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode steward_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode steward_easy_setopt_data_callback(CURL *handle, CURLoption option,
                                                         steward_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode steward_easy_setopt_progress_callback(CURL *handle, CURLoption option,
                                                             steward_curl_progress_callback value) {
    return curl_easy_setopt(handle, option, value);
}

/* curl_multi_setopt */

static inline CURLMcode steward_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
    return curl_multi_setopt(handle, option, value);
}

static inline CURLMcode steward_multi_setopt_pointer(CURLM *handle, CURLMoption option, void *value) {
    return curl_multi_setopt(handle, option, value);
}

/* curl_easy_getinfo */

static inline CURLcode steward_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode steward_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode steward_easy_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode steward_easy_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

/* CURLMsg.data is a union; reading the result through C keeps Swift out of union layout. */

static inline CURLcode steward_multi_message_result(const CURLMsg *message) {
    return message->data.result;
}

#endif /* STEWARD_CCURL_SHIM_H */
