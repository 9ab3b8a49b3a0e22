/* See LICENSE file for copyright and license details. */
#include <stdlib.h>
#include <string.h>

#include "litre.h"
#include "util.h"

static const char special[] = ".[]()*+?{}|^$\\";

/*
** Read a word at *P into W (its text in BUF): printable ASCII, escapes
** resolved, up to '|', ')', '$' or the end. 0 when a byte is not one a
** word may hold, or the word is empty.
*/
static int
word(const char **p, struct litre_word *w, char *buf)
{
	const char *s = *p;
	size_t n = 0;

	while (*s != '\0' && *s != '|' && *s != ')' && *s != '$') {
		unsigned char c = (unsigned char)*s;

		if (c < 0x20 || c > 0x7e)
			return 0;
		if (c == '\\') {
			c = (unsigned char)s[1];
			if (c == '\0' || strchr(special, c) == NULL)
				return 0;   /* \w, \b, \1 ...: not literal */
			s++;
		} else if (strchr(special, c) != NULL) {
			return 0;
		}
		buf[n++] = (char)c;
		s++;
	}
	if (n == 0)
		return 0;
	w->s = xmemdup(buf, n);
	w->len = n;
	*p = s;
	return 1;
}

int
litre_compile(struct litre *re, const char *pattern)
{
	const char *p = pattern;
	char *buf = xmalloc(strlen(pattern) + 1);
	int group, bol = 0, eol = 0, ok = 0;

	re->n = 0;
	re->w = NULL;
	group = (p[0] == '(' || (p[0] == '^' && p[1] == '('));
	if (group) {
		bol = *p == '^';
		p += bol + 1;
	}
	for (;;) {
		struct litre_word w = { NULL, 0, 0, 0 };

		if (!group && *p == '^') {
			w.bol = 1;
			p++;
		}
		if (!word(&p, &w, buf))
			break;
		if (!group && *p == '$') {
			w.eol = 1;
			p++;
		}
		re->w = xreallocarray(re->w, re->n + 1, sizeof *re->w);
		re->w[re->n++] = w;
		if (*p == '|') {
			p++;
			continue;
		}
		if (group) {
			if (*p++ != ')')
				break;
			eol = *p == '$';
			p += eol;
		}
		ok = *p == '\0';
		break;
	}
	free(buf);
	if (!ok) {
		litre_free(re);
		return 0;
	}
	for (size_t i = 0; group && i < re->n; i++) {
		re->w[i].bol = bol;
		re->w[i].eol = eol;
	}
	return 1;
}

int
litre_match(const struct litre *re, const char *s, size_t len)
{
	const char *nul = memchr(s, '\0', len);

	if (nul != NULL)
		len = (size_t)(nul - s);
	for (size_t i = 0; i < re->n; i++) {
		const struct litre_word *w = &re->w[i];

		if (w->len > len)
			continue;
		if (w->bol && w->eol) {
			if (w->len == len && memcmp(s, w->s, len) == 0)
				return 1;
		} else if (w->bol) {
			if (memcmp(s, w->s, w->len) == 0)
				return 1;
		} else if (w->eol) {
			if (memcmp(s + len - w->len, w->s, w->len) == 0)
				return 1;
		} else if (memmem(s, len, w->s, w->len) != NULL) {
			return 1;
		}
	}
	return 0;
}

void
litre_free(struct litre *re)
{
	for (size_t i = 0; i < re->n; i++)
		free(re->w[i].s);
	free(re->w);
	re->w = NULL;
	re->n = 0;
}
