#ifndef STEWARD_CSTEMMER_SHIM_H
#define STEWARD_CSTEMMER_SHIM_H

/*
 * Snowball's libstemmer (Debian/Ubuntu: libstemmer-dev), which ships no
 * pkg-config file: the header is found on the default include path and the
 * library is linked by name from module.modulemap.
 *
 * An sb_stemmer is not thread-safe: the Swift wrapper (StewardCore's Stemmer)
 * serialises every call on one instance behind a lock.
 */

#include <libstemmer.h>

#endif
