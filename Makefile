# Build, install and uninstall docbao (see README: Install).
#   make install PREFIX=$HOME/.local     release build, then install under PREFIX (default /usr/local)
#   make install-debug PREFIX=...        the same, plus the debug information beside the binary
#   make uninstall PREFIX=$HOME/.local   remove exactly the files install put there
# DESTDIR is prepended to every installed path (for staged installs and packages).
# BIN=path/to/docbao installs that binary instead of building a release one.

PREFIX ?= /usr/local
DESTDIR ?=
BIN ?=

dest = $(DESTDIR)$(PREFIX)
binary = $(or $(BIN),.build/release/docbao)
debugfile = bin/.debug/docbao.debug
FILES = bin/docbao $(debugfile) share/man/man1/docbao.1 share/bash-completion/completions/docbao \
	share/zsh/site-functions/_docbao share/fish/vendor_completions.d/docbao.fish \
	share/doc/docbao/README.md

.PHONY: build install install-debug uninstall test

# The Swift runtime is linked in, so the installed binary runs without the toolchain. The bundled
# article is compiled into it: there are no resource files to install.
# libstdc++ is linked statically too when the system has libstdc++.a (scripts/static-libstdc++).
build:
	scripts/static-libstdc++
	swift build -c release --static-swift-stdlib --product docbao

install: $(if $(BIN),,build)
	install -d "$(dest)/bin" "$(dest)/share/man/man1" "$(dest)/share/bash-completion/completions" \
		"$(dest)/share/zsh/site-functions" "$(dest)/share/fish/vendor_completions.d" "$(dest)/share/doc/docbao"
	@# Stripped: the build's debug information is most of its size (make install-debug keeps it).
	install -m 755 -s "$(binary)" "$(dest)/bin/docbao"
	install -m 644 docs/docbao.1 "$(dest)/share/man/man1/docbao.1"
	install -m 644 README.md "$(dest)/share/doc/docbao/README.md"
	"$(binary)" --generate-completion-script bash > "$(dest)/share/bash-completion/completions/docbao"
	"$(binary)" --generate-completion-script zsh > "$(dest)/share/zsh/site-functions/_docbao"
	"$(binary)" --generate-completion-script fish > "$(dest)/share/fish/vendor_completions.d/docbao.fish"
	chmod 644 "$(dest)/share/bash-completion/completions/docbao" "$(dest)/share/zsh/site-functions/_docbao" \
		"$(dest)/share/fish/vendor_completions.d/docbao.fish"

# `install`, and the debug information in bin/.debug/docbao.debug, named in the installed binary's
# .gnu_debuglink: gdb and other debuggers find it there by themselves.
install-debug: install
	install -d "$(dest)/bin/.debug"
	objcopy --only-keep-debug "$(binary)" "$(dest)/$(debugfile)"
	chmod 644 "$(dest)/$(debugfile)"
	cd "$(dest)/bin" && objcopy --add-gnu-debuglink=.debug/docbao.debug docbao

uninstall:
	for f in $(FILES); do rm -f "$(dest)/$$f"; done
	rmdir "$(dest)/share/doc/docbao" "$(dest)/bin/.debug" 2>/dev/null || true

test:
	scripts/test
