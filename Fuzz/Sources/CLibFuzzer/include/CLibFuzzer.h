#ifndef DOCBAO_CLIBFUZZER_H
#define DOCBAO_CLIBFUZZER_H
#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver, for programs with a main of their own; defined by the fuzzer runtime that
// -sanitize=fuzzer links in.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
