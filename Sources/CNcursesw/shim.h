#ifndef DOCBAO_CNCURSESW_SHIM_H
#define DOCBAO_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config -D flags, so the wide-character feature macros live here.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <ncursesw/curses.h>
#endif
