/* See LICENSE file for copyright and license details. */
#ifndef KPI_LITRE_H
#define KPI_LITRE_H

#include <stddef.h>

/*
** A POSIX extended regular expression that is only literal text, matched
** without regexec(): lead-score's `matches` rules are mostly words and
** alternatives of words ("SSO|on-prem", "(GmbH|AG)$"), and regexec()
** spends some 50 ns setting up each call.
**
** Taken (the forms whose answer is a substring test): BRANCH('|'BRANCH)*,
** each branch optionally '^' first and '$' last; and '^'? '(' WORDS ('|'
** WORDS)* ')' '$'?, the anchors then holding for every word. A word is
** one or more printable ASCII characters other than .[]()*+?{}|^$\ or
** one of those escaped with '\'. Anything else is not taken.
**
** The answers are regexec()'s, under REG_EXTENDED | REG_NOSUB without
** REG_ICASE or REG_NEWLINE, in the C locale (bytes): '^' and '$' hold at
** the ends of the text only, and the text ends at its first NUL byte as a
** C string passed to regexec() would.
*/
struct litre {
	size_t n;                   /* the alternatives */
	struct litre_word {
		char *s;
		size_t len;
		int bol, eol;       /* anchored at the start, the end */
	} *w;
};

/* Compile PATTERN into *RE: 1, or 0 (and *RE empty) when it is not one of
** the forms taken. */
int litre_compile(struct litre *re, const char *pattern);

/* Whether the LEN bytes at S match RE, as regexec() would say. */
int litre_match(const struct litre *re, const char *s, size_t len);

void litre_free(struct litre *re);

#endif
