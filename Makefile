# kpikit: sales and marketing KPIs from CRM and ad-spend exports.
# GNU make. `make check` and `make demo` install missing Debian packages first.

PREFIX    = /usr/local
BINDIR    = $(PREFIX)/bin
MANPREFIX = $(PREFIX)/share/man

CC      = cc
CFLAGS  = -O2 -g
LDFLAGS =
LDLIBS  = -lcsv -lm
# Always on, whatever CFLAGS says; CI adds -Werror through CFLAGS.
KPI_CFLAGS = -std=c11 -D_GNU_SOURCE -Wall -Wextra

# Every cmd/NAME.c is a tool; the installed scripts are those that exist.
TOOLS   = $(sort $(basename $(notdir $(wildcard cmd/*.c))))
SCRIPTS = $(notdir $(wildcard scripts/kpi-plot scripts/kpi-report))
BIN     = $(TOOLS:%=cmd/%)
LIBSRC  = $(wildcard lib/*.c)
LIBOBJ  = $(LIBSRC:.c=.o)
LIBHDR  = $(wildcard lib/*.h)
LIB     = lib/libkpi.a
UNIT    = $(patsubst %.c,%,$(wildcard tests/unit/*.c))
DEVTOOLS = scripts/kpi-gen tests/tools/csvdump

.PHONY: all check demo deps install uninstall clean

all: $(BIN) $(DEVTOOLS)

lib/%.o: lib/%.c $(LIBHDR)
	$(CC) $(KPI_CFLAGS) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(LIB): $(LIBOBJ)
	rm -f $@
	$(AR) rcs $@ $(LIBOBJ)

cmd/%: cmd/%.c $(LIB) $(LIBHDR)
	$(CC) $(KPI_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS)

tests/unit/%: tests/unit/%.c $(LIB) $(LIBHDR)
	$(CC) $(KPI_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS)

tests/tools/%: tests/tools/%.c $(LIB) $(LIBHDR)
	$(CC) $(KPI_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS)

scripts/kpi-gen: scripts/kpi-gen.c
	$(CC) $(KPI_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< -lm

# Install what the build and the tests need, if anything is missing.
deps:
	@sh scripts/install-deps --if-missing

check: deps
	$(MAKE) all $(UNIT)
	sh tests/run.sh

demo: deps
	$(MAKE) all
	sh scripts/demo

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANPREFIX)/man1 $(DESTDIR)$(MANPREFIX)/man7
	for t in $(TOOLS); do cp -f cmd/$$t $(DESTDIR)$(BINDIR)/ && chmod 755 $(DESTDIR)$(BINDIR)/$$t; done
	for s in $(SCRIPTS); do cp -f scripts/$$s $(DESTDIR)$(BINDIR)/ && chmod 755 $(DESTDIR)$(BINDIR)/$$s; done
	for t in $(TOOLS) $(SCRIPTS); do cp -f man/$$t.1 $(DESTDIR)$(MANPREFIX)/man1/ && chmod 644 $(DESTDIR)$(MANPREFIX)/man1/$$t.1; done
	cp -f man/kpikit.7 $(DESTDIR)$(MANPREFIX)/man7/ && chmod 644 $(DESTDIR)$(MANPREFIX)/man7/kpikit.7

uninstall:
	for t in $(TOOLS) $(SCRIPTS); do rm -f $(DESTDIR)$(BINDIR)/$$t $(DESTDIR)$(MANPREFIX)/man1/$$t.1; done
	rm -f $(DESTDIR)$(MANPREFIX)/man7/kpikit.7

clean:
	rm -f $(LIBOBJ) $(LIB) $(BIN) $(UNIT) $(DEVTOOLS)
	rm -rf tests/out demo-report
