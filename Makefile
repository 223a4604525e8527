# Build, install and uninstall docbao (see README: Install).
#   make install PREFIX=$HOME/.local     release build, then install under PREFIX (default /usr/local)
#   make uninstall PREFIX=$HOME/.local   remove exactly the files install put there
# DESTDIR is prepended to every installed path (for staged installs and packages).
# BIN=path/to/docbao installs that binary instead of building a release one.

PREFIX ?= /usr/local
DESTDIR ?=
BIN ?=

dest = $(DESTDIR)$(PREFIX)
binary = $(or $(BIN),.build/release/docbao)
FILES = bin/docbao share/man/man1/docbao.1 share/bash-completion/completions/docbao \
	share/zsh/site-functions/_docbao share/fish/vendor_completions.d/docbao.fish \
	share/doc/docbao/README.md

.PHONY: build install uninstall test

# The Swift runtime is linked in, so the installed binary runs without the toolchain. The bundled
# article is compiled into it: there are no resource files to install.
# libstdc++ is linked statically too when the system has libstdc++.a (scripts/static-libstdc++).
build:
	scripts/static-libstdc++
	swift build -c release --static-swift-stdlib --product docbao

install: $(if $(BIN),,build)
	install -d "$(dest)/bin" "$(dest)/share/man/man1" "$(dest)/share/bash-completion/completions" \
		"$(dest)/share/zsh/site-functions" "$(dest)/share/fish/vendor_completions.d" "$(dest)/share/doc/docbao"
	install -m 755 "$(binary)" "$(dest)/bin/docbao"
	install -m 644 docs/docbao.1 "$(dest)/share/man/man1/docbao.1"
	install -m 644 README.md "$(dest)/share/doc/docbao/README.md"
	"$(binary)" --generate-completion-script bash > "$(dest)/share/bash-completion/completions/docbao"
	"$(binary)" --generate-completion-script zsh > "$(dest)/share/zsh/site-functions/_docbao"
	"$(binary)" --generate-completion-script fish > "$(dest)/share/fish/vendor_completions.d/docbao.fish"
	chmod 644 "$(dest)/share/bash-completion/completions/docbao" "$(dest)/share/zsh/site-functions/_docbao" \
		"$(dest)/share/fish/vendor_completions.d/docbao.fish"

uninstall:
	for f in $(FILES); do rm -f "$(dest)/$$f"; done
	rmdir "$(dest)/share/doc/docbao" 2>/dev/null || true

test:
	scripts/test
