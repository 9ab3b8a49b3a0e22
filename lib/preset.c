/* See LICENSE file for copyright and license details. */
#include <stdlib.h>
#include <string.h>

#include "preset.h"
#include "date.h"
#include "reader.h"
#include "util.h"

/* Alternatives: header aliases, or values. */
struct list {
	char **v;
	size_t n;
};

struct cond {
	struct list col;        /* the column it looks at, by alias */
	int negate;             /* "!=" */
	struct list values;
};

struct map {
	char *from, *to;
};

/* One "column NAME..." entry. Entries of one NAME are alternatives. */
struct column {
	char *name;
	char *constant;         /* "column NAME = TEXT", or NULL */
	struct list col;
	struct cond *cond;
	size_t ncond;
	struct map *map;
	size_t nmap;
	int number, capture;
	int currency_of;        /* the currency of NUMBER's money text (an
	                           implicit column, see filter_bind()) */
};

struct skip {
	int first;              /* look at the first field of any record */
	struct list col;
	struct list patterns;
	char *text;             /* the rule, for messages */
};

struct preset {
	char *name, *table, *about, *stages;
	char **date_formats;
	size_t ndate_formats;
	struct list *headers;
	size_t nheaders;
	struct column *columns;
	size_t ncolumns;
	struct skip *skips;
	size_t nskips;
	char *what;             /* "preset NAME", for the reader's messages */
	struct rd_filter filter;   /* what preset_filter() gives */
};

/* A derived column bound to one file. */
struct derived {
	const struct column *def;
	long col;               /* the source column, or -1 for a constant */
	long *cond_col;         /* the columns of def->cond */
	char *captured;         /* what '*' matched in the header name */
	char *source;           /* for messages: "'Close Date' when ..." */
	struct column *own_def; /* def, when the view made it: freed with it */
};

struct missing {
	const char *name;
	char *looked_for;
};

struct preset_view {
	const struct preset *p;
	size_t nown;            /* the file's own columns */
	struct derived *d;
	size_t nd;
	struct missing *m;
	size_t nm;
	long *skip_col;         /* per skip rule: its column, or -1 */
};

/* How a reader applies a preset (preset_filter()). */
static const struct rd_filter_ops filter_ops;

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/*
** Whether text T matches glob PAT ('*' any text, letter case ignored).
** The part the first '*' matched, the shortest with which the rest
** matches, is returned through *CS and *CE (both NULL without a '*').
** Method: one pass that, on a mismatch, lets the latest '*' take one
** more byte and resumes after it (never an earlier '*': a literal run
** found at its leftmost place leaves the most text to what follows, so
** going back further cannot help). At most strlen(PAT) * strlen(T)
** steps, where trying every split of every '*' took exponential time
** (five '*' took 22 s a row); preset lines are at most
** PRESET_LINE_MAX bytes.
*/
static int
glob(const char *pat, const char *t, const char **cs, const char **ce)
{
	const char *first = strchr(pat, '*');
	const char *p = pat, *star = NULL, *resume = NULL;

	*cs = *ce = NULL;
	for (;;) {
		if (*p == '*') {
			if (p == first)
				*cs = *ce = t;
			star = ++p;
			resume = t;
			continue;
		}
		if (*t == '\0')
			return *p == '\0';
		if (*p != '\0' &&
		    lower((unsigned char)*p) == lower((unsigned char)*t)) {
			p++;
			t++;
			continue;
		}
		if (star == NULL)
			return 0;
		p = star;
		t = ++resume;
		if (star == first + 1)
			*ce = resume;
	}
}

/* Whether the LEN bytes at S match PATTERN ("(empty)": an empty field);
** the '*' part, into a new string at *CAPTURE when it is not NULL. */
static int
matches(const char *pattern, const char *s, size_t len, char **capture)
{
	const char *cs = NULL, *ce = NULL;
	char *text;
	int ok;

	if (strcmp(pattern, "(empty)") == 0) {
		for (size_t i = 0; i < len; i++)
			if (s[i] != ' ' && s[i] != '\t')
				return 0;
		return 1;
	}
	text = fold_blanks(s, len);
	ok = glob(pattern, text, &cs, &ce);
	if (ok && capture != NULL)
		*capture = cs != NULL ? xmemdup(cs, (size_t)(ce - cs)) : xstrdup("");
	free(text);
	return ok;
}

static int
matches_any(const struct list *l, const char *s, size_t len)
{
	for (size_t i = 0; i < l->n; i++)
		if (matches(l->v[i], s, len, NULL))
			return 1;
	return 0;
}

/* The first of ROW's fields that alias list L names, in alias order. */
static long
find_col(const struct list *l, const struct row *row, char **capture)
{
	for (size_t a = 0; a < l->n; a++)
		for (size_t i = 0; i < row->n; i++)
			if (matches(l->v[a], row->f[i].s, row->f[i].len, capture))
				return (long)i;
	return -1;
}

/* ---- Parsing. ---- */

struct parser {
	const char *name;
	unsigned long line;
	struct strbuf err;
};

static int
parse_error(struct parser *ps, const char *fmt, ...)
{
	va_list ap;

	if (ps->err.len == 0) {
		sb_printf(&ps->err, "%s:%lu: ", ps->name, ps->line);
		va_start(ap, fmt);
		sb_vprintf(&ps->err, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static char *
trimmed(const char *s, size_t len)
{
	return fold_blanks(s, len);
}

/* "A | B | C" into a list of folded, non-empty parts. */
static int
parse_list(struct parser *ps, const char *s, size_t len, struct list *l)
{
	const char *end = s + len;

	l->v = NULL;
	l->n = 0;
	for (;;) {
		const char *bar = memchr(s, '|', (size_t)(end - s));
		const char *stop = bar ? bar : end;
		char *item = trimmed(s, (size_t)(stop - s));

		if (item[0] == '\0') {
			free(item);
			return parse_error(ps, "an empty alternative in '%.*s'",
			    (int)len, end - len);
		}
		l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
		l->v[l->n++] = item;
		if (bar == NULL)
			return 0;
		s = bar + 1;
	}
}

static void
list_free(struct list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

/* Split "LEFT = RIGHT" (or "!=") at the first " = " or " != ". */
static int
split_eq(const char *s, size_t len, const char **right, size_t *leftlen,
    int *negate)
{
	for (size_t i = 0; i + 1 < len; i++) {
		if (s[i] == '!' && s[i + 1] == '=') {
			*leftlen = i;
			*right = s + i + 2;
			*negate = 1;
			return 0;
		}
		if (s[i] == '=') {
			*leftlen = i;
			*right = s + i + 1;
			*negate = 0;
			return 0;
		}
	}
	return -1;
}

static struct column *
last_column(struct preset *p)
{
	return p->ncolumns ? &p->columns[p->ncolumns - 1] : NULL;
}

static int
is_word(const char *s, size_t len, const char *word)
{
	size_t w = strlen(word);

	return len >= w && memcmp(s, word, w) == 0 &&
	    (len == w || s[w] == ' ' || s[w] == '\t' || s[w] == ':');
}

/* The rest of the line after WORD and blanks. */
static const char *
after(const char *s, size_t len, const char *word, size_t *restlen)
{
	size_t i = strlen(word);

	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	*restlen = len - i;
	return s + i;
}

static int
parse_column(struct parser *ps, struct preset *p, const char *s, size_t len)
{
	size_t i = 0, namelen;
	struct column *c;

	while (i < len && s[i] != ':' && s[i] != '=' && s[i] != ' ' && s[i] != '\t')
		i++;
	namelen = i;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (namelen == 0 || i == len || (s[i] != ':' && s[i] != '='))
		return parse_error(ps, "write 'column NAME: ALIASES' or "
		    "'column NAME = TEXT'");
	p->columns = xreallocarray(p->columns, p->ncolumns + 1, sizeof *p->columns);
	c = &p->columns[p->ncolumns++];
	memset(c, 0, sizeof *c);
	c->name = xmemdup(s, namelen);
	if (s[i] == '=') {
		c->constant = trimmed(s + i + 1, len - i - 1);
		return 0;
	}
	return parse_list(ps, s + i + 1, len - i - 1, &c->col);
}

/*
** A condition joins its column only whole: one whose column list failed
** to parse ("when = Result = Won") would name no column, and the
** description of the column (--explain, a missing column's message) reads
** its first alias. presets_parse() leaves the presets before an error
** usable.
*/
static int
parse_cond(struct parser *ps, struct column *c, const char *s, size_t len)
{
	const char *right;
	size_t leftlen;
	struct cond k = {0};

	if (split_eq(s, len, &right, &leftlen, &k.negate) < 0)
		return parse_error(ps, "write 'when COLUMN = VALUE | ...'");
	if (parse_list(ps, s, leftlen, &k.col) < 0 ||
	    parse_list(ps, right, (size_t)(s + len - right), &k.values) < 0) {
		list_free(&k.col);
		list_free(&k.values);
		return -1;
	}
	c->cond = xreallocarray(c->cond, c->ncond + 1, sizeof *c->cond);
	c->cond[c->ncond++] = k;
	return 0;
}

static int
parse_skip(struct parser *ps, struct preset *p, const char *s, size_t len)
{
	const char *right;
	size_t leftlen;
	struct skip *k;
	int negate;
	char *left;

	if (split_eq(s, len, &right, &leftlen, &negate) < 0 || negate)
		return parse_error(ps, "write 'skip first = PATTERN' or "
		    "'skip COLUMN = PATTERN'");
	p->skips = xreallocarray(p->skips, p->nskips + 1, sizeof *p->skips);
	k = &p->skips[p->nskips++];
	memset(k, 0, sizeof *k);
	k->text = trimmed(s, len);
	left = trimmed(s, leftlen);
	k->first = strcmp(left, "first") == 0;
	free(left);
	if (!k->first && parse_list(ps, s, leftlen, &k->col) < 0)
		return -1;
	return parse_list(ps, right, (size_t)(s + len - right), &k->patterns);
}

static void
preset_free(struct preset *p)
{
	if (p == NULL)
		return;
	free(p->name);
	free(p->what);
	free(p->table);
	free(p->about);
	free(p->stages);
	for (size_t i = 0; i < p->ndate_formats; i++)
		free(p->date_formats[i]);
	free(p->date_formats);
	for (size_t i = 0; i < p->nheaders; i++)
		list_free(&p->headers[i]);
	free(p->headers);
	for (size_t i = 0; i < p->ncolumns; i++) {
		struct column *c = &p->columns[i];

		free(c->name);
		free(c->constant);
		list_free(&c->col);
		for (size_t j = 0; j < c->ncond; j++) {
			list_free(&c->cond[j].col);
			list_free(&c->cond[j].values);
		}
		free(c->cond);
		for (size_t j = 0; j < c->nmap; j++) {
			free(c->map[j].from);
			free(c->map[j].to);
		}
		free(c->map);
	}
	free(p->columns);
	for (size_t i = 0; i < p->nskips; i++) {
		list_free(&p->skips[i].col);
		list_free(&p->skips[i].patterns);
		free(p->skips[i].text);
	}
	free(p->skips);
	free(p);
}

static void
add_preset(struct preset_set *set, struct preset *p)
{
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->v[i]->name, p->name) == 0) {
			preset_free(set->v[i]);
			set->v[i] = p;
			return;
		}
	set->v = xreallocarray(set->v, set->n + 1, sizeof *set->v);
	set->v[set->n++] = p;
}

/* One line (without its end) of the preset being read, *CUR. */
static int
parse_line(struct parser *ps, struct preset_set *set, struct preset **cur,
    const char *s, size_t len)
{
	int indented = len > 0 && (s[0] == ' ' || s[0] == '\t');
	struct preset *p = *cur;
	struct column *c;
	const char *rest;
	size_t restlen;

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[len - 1] == '\r'))
		len--;
	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	if (len == 0 || *s == '#')
		return 0;
	if (is_word(s, len, "preset")) {
		char *words = trimmed(s + 6, len - 6), *sp = strchr(words, ' ');
		struct strbuf what = {0};

		if (sp == NULL || strchr(sp + 1, ' ') != NULL) {
			free(words);
			return parse_error(ps, "write 'preset NAME TABLE'");
		}
		*sp = '\0';
		if (strcmp(sp + 1, "leads") != 0 && strcmp(sp + 1, "spend") != 0 &&
		    strcmp(sp + 1, "orders") != 0) {
			parse_error(ps, "table '%s' is not leads, spend or orders",
			    sp + 1);
			free(words);
			return -1;
		}
		p = xcalloc(1, sizeof *p);
		p->name = xstrdup(words);
		sb_printf(&what, "preset %s", words);
		p->what = what.s;
		p->table = xstrdup(sp + 1);
		p->filter.ops = &filter_ops;
		p->filter.ctx = p;
		free(words);
		add_preset(set, p);
		*cur = p;
		return 0;
	}
	if (p == NULL)
		return parse_error(ps, "a 'preset NAME TABLE' line must come first");
	c = last_column(p);
	if (indented && c != NULL && is_word(s, len, "when")) {
		rest = after(s, len, "when", &restlen);
		return parse_cond(ps, c, rest, restlen);
	}
	if (indented && c != NULL && is_word(s, len, "map")) {
		const char *right;
		size_t leftlen;
		int negate;

		rest = after(s, len, "map", &restlen);
		if (split_eq(rest, restlen, &right, &leftlen, &negate) < 0 || negate)
			return parse_error(ps, "write 'map FROM = TO'");
		c->map = xreallocarray(c->map, c->nmap + 1, sizeof *c->map);
		c->map[c->nmap].from = trimmed(rest, leftlen);
		c->map[c->nmap].to = trimmed(right, (size_t)(rest + restlen - right));
		c->nmap++;
		return 0;
	}
	if (indented && c != NULL && len == 6 && memcmp(s, "number", 6) == 0) {
		c->number = 1;
		return 0;
	}
	if (indented && c != NULL && len == 7 && memcmp(s, "capture", 7) == 0) {
		c->capture = 1;
		return 0;
	}
	if (is_word(s, len, "about")) {
		rest = after(s, len, "about", &restlen);
		free(p->about);
		p->about = trimmed(rest, restlen);
	} else if (is_word(s, len, "stages")) {
		rest = after(s, len, "stages", &restlen);
		free(p->stages);
		p->stages = trimmed(rest, restlen);
	} else if (is_word(s, len, "date-format")) {
		const char *bad;

		rest = after(s, len, "date-format", &restlen);
		p->date_formats = xreallocarray(p->date_formats,
		    p->ndate_formats + 1, sizeof *p->date_formats);
		p->date_formats[p->ndate_formats] = xmemdup(rest, restlen);
		if ((bad = date_format_check(
		    p->date_formats[p->ndate_formats++])) != NULL)
			return parse_error(ps, "date-format '%.*s': %s",
			    (int)restlen, rest, bad);
	} else if (is_word(s, len, "header")) {
		rest = after(s, len, "header", &restlen);
		p->headers = xreallocarray(p->headers, p->nheaders + 1,
		    sizeof *p->headers);
		return parse_list(ps, rest, restlen, &p->headers[p->nheaders++]);
	} else if (is_word(s, len, "column")) {
		rest = after(s, len, "column", &restlen);
		return parse_column(ps, p, rest, restlen);
	} else if (is_word(s, len, "skip")) {
		rest = after(s, len, "skip", &restlen);
		return parse_skip(ps, p, rest, restlen);
	} else {
		return parse_error(ps, "unknown directive '%.*s'", (int)len, s);
	}
	return 0;
}

char *
presets_parse(struct preset_set *set, const char *name, const char *text,
    size_t len)
{
	struct parser ps = { name, 0, {0} };
	struct preset *cur = NULL;
	const char *end = text + len;

	while (text < end) {
		const char *nl = memchr(text, '\n', (size_t)(end - text));
		size_t linelen = nl ? (size_t)(nl - text) : (size_t)(end - text);

		ps.line++;
		if (memchr(text, '\0', linelen) != NULL) {
			parse_error(&ps, "a NUL byte");
			break;
		}
		if (linelen > PRESET_LINE_MAX) {
			parse_error(&ps, "a line of more than %d bytes",
			    PRESET_LINE_MAX);
			break;
		}
		if (parse_line(&ps, set, &cur, text, linelen) < 0)
			break;
		text += linelen + (nl != NULL);
	}
	return ps.err.s;
}

/* lib/presets.txt, made a C string by the Makefile. */
static const char builtin_text[] =
#include "presets.inc"
;

void
presets_builtin(struct preset_set *set)
{
	char *err = presets_parse(set, "presets.txt", builtin_text,
	    sizeof builtin_text - 1);

	if (err != NULL)
		die(EX_SOFTWARE, "internal error: built-in %s", err);
}

const struct preset *
presets_find(const struct preset_set *set, const char *name)
{
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->v[i]->name, name) == 0)
			return set->v[i];
	return NULL;
}

char *
presets_names(const struct preset_set *set)
{
	struct strbuf sb = {0};

	sb_add(&sb, "", 0);
	for (size_t i = 0; i < set->n; i++)
		sb_printf(&sb, "%s%s", i ? ", " : "", set->v[i]->name);
	return sb.s;
}

void
presets_free(struct preset_set *set)
{
	for (size_t i = 0; i < set->n; i++)
		preset_free(set->v[i]);
	free(set->v);
	set->v = NULL;
	set->n = 0;
}

const char *
preset_name(const struct preset *p)
{
	return p->name;
}

const char *
preset_table(const struct preset *p)
{
	return p->table;
}

const char *
preset_stages(const struct preset *p)
{
	return p->stages;
}

size_t
preset_date_formats(const struct preset *p, char *const **fmts)
{
	*fmts = p->date_formats;
	return p->ndate_formats;
}

/* ---- Applying a preset to a file: the reader's row filter. ---- */

const struct rd_filter *
preset_filter(const struct preset *p)
{
	return p != NULL ? &p->filter : NULL;
}

/* The filter's name in messages: "preset NAME". */
static const char *
filter_name(const void *ctx)
{
	const struct preset *p = ctx;

	return p->what;
}

/*
** What header P looks for, for messages: "'Day' or 'Date', and 'Cost'"
** (a new string), or NULL when it takes the first record.
*/
static char *
filter_header_wanted(const void *ctx)
{
	const struct preset *p = ctx;
	struct strbuf sb = {0};

	for (size_t h = 0; h < p->nheaders; h++) {
		sb_adds(&sb, h == 0 ? "" : h + 1 == p->nheaders ? ", and " : ", ");
		for (size_t a = 0; a < p->headers[h].n; a++)
			sb_printf(&sb, "%s'%s'", a ? " or " : "", p->headers[h].v[a]);
	}
	return sb.s;
}

/* Whether ROW holds a field of every "header" line of P; a preset
** without them takes the first record. */
static int
filter_is_header(const void *ctx, const struct row *row)
{
	const struct preset *p = ctx;

	for (size_t h = 0; h < p->nheaders; h++)
		if (find_col(&p->headers[h], row, NULL) < 0)
			return 0;
	return 1;
}

/*
** Into SB, where column C comes from in a file of header HDR: its source
** column COL, or (COL < 0) the aliases looked for; then its conditions'
** columns (COND_COL, NULL or -1: the first alias), maps and the like.
*/
static void
describe(struct strbuf *sb, const struct column *c, const struct row *hdr,
    long col, const long *cond_col)
{
	char esc[ESCAPED_MAX];
	const struct field *f = hdr->f;

	if (c->constant != NULL) {
		sb_printf(sb, "\"%s\" (a constant)", c->constant);
		return;
	}
	if (col >= 0) {
		size_t nth = 0, of = 0;

		for (long i = 0; (size_t)i < hdr->n; i++)
			if (f[i].len == f[col].len &&
			    memcmp(f[i].s, f[col].s, f[i].len) == 0) {
				of++;
				if (i <= col)
					nth++;
			}
		sb_printf(sb, "'%s'", escape_text(esc, sizeof esc, f[col].s,
		    f[col].len));
		if (of > 1)
			sb_printf(sb, " (the %zu%s of %zu; --col picks another "
			    "with '%s#N')", nth, nth == 1 ? "st" : nth == 2 ? "nd" :
			    nth == 3 ? "rd" : "th", of, escape_text(esc, sizeof esc,
			    f[col].s, f[col].len));
	} else
		for (size_t i = 0; i < c->col.n; i++)
			sb_printf(sb, "%s'%s'", i ? " or " : "", c->col.v[i]);
	for (size_t k = 0; k < c->ncond; k++) {
		const struct cond *d = &c->cond[k];

		sb_adds(sb, k ? " and " : " when ");
		if (cond_col != NULL && cond_col[k] >= 0)
			sb_printf(sb, "'%s'", escape_text(esc, sizeof esc,
			    f[cond_col[k]].s, f[cond_col[k]].len));
		else
			sb_printf(sb, "'%s'", d->col.v[0]);
		sb_adds(sb, d->negate ? " is not " : " is ");
		for (size_t v = 0; v < d->values.n; v++)
			sb_printf(sb, "%s%s", v ? " or " : "", d->values.v[v]);
	}
	if (c->nmap > 0)
		sb_printf(sb, ", %zu value%s mapped", c->nmap, c->nmap == 1 ? "" : "s");
	if (c->number)
		sb_adds(sb, ", money text made a number");
	if (c->capture)
		sb_adds(sb, ", from its header name");
	if (c->currency_of)
		sb_adds(sb, ", the currency of its money text");
}

/*
** The currency that money text S (LEN bytes) is written in, as
** clean_number() strips it: a three-letter code before or after the
** number ("USD 1,200", "1,200 USD"), or a symbol before it, read as a
** code: $ as USD, \u20ac as EUR, \u00a3 as GBP, \u00a5 as JPY. Returns
** the three letters (in S, or a constant), and "" when the text names
** none.
*/
static const char *
text_currency(const char *s, size_t len)
{
	static const char *const symbols[][2] = { { "$", "USD" },
	    { "\xe2\x82\xac", "EUR" }, { "\xc2\xa3", "GBP" },
	    { "\xc2\xa5", "JPY" } };
	size_t i = 0;

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '-'))
		i++;
	for (size_t k = 0; k < sizeof symbols / sizeof *symbols; k++) {
		size_t sl = strlen(symbols[k][0]);

		if (len - i >= sl && memcmp(s + i, symbols[k][0], sl) == 0)
			return symbols[k][1];
	}
	if (len - i >= 4 && s[i] >= 'A' && s[i] <= 'Z' && s[i + 1] >= 'A' &&
	    s[i + 1] <= 'Z' && s[i + 2] >= 'A' && s[i + 2] <= 'Z' &&
	    s[i + 3] == ' ')
		return s + i;
	if (len - i >= 4 && s[len - 4] == ' ' && s[len - 3] >= 'A' &&
	    s[len - 3] <= 'Z' && s[len - 2] >= 'A' && s[len - 2] <= 'Z' &&
	    s[len - 1] >= 'A' && s[len - 1] <= 'Z')
		return s + len - 3;
	return "";
}

/* Whether V already has a column, or a missing one, called NAME. */
static int
bound(const struct preset_view *v, const char *name)
{
	for (size_t i = 0; i < v->nd; i++)
		if (strcmp(v->d[i].def->name, name) == 0)
			return 1;
	for (size_t i = 0; i < v->nm; i++)
		if (strcmp(v->m[i].name, name) == 0)
			return 1;
	return 0;
}

/*
** Bind P to the header HDR. The view adds the derived columns that have a
** source in this file and whose name is not already a header (the file's
** own column wins); those without a source are kept as missing, for
** --explain, which tells both into NOTES.
*/
static void *
filter_bind(const void *ctx, const struct row *hdr, const char *file,
    struct strbuf *notes, int explain)
{
	const struct preset *p = ctx;
	struct preset_view *v = xcalloc(1, sizeof *v);

	v->p = p;
	v->nown = hdr->n;
	for (size_t i = 0; i < p->ncolumns; i++) {
		const struct column *c = &p->columns[i];
		struct derived d = { c, -1, NULL, NULL, NULL, NULL };
		struct strbuf src = {0};
		int ok = 1;

		if (bound(v, c->name))
			continue;
		/* The file's own column of that name wins. */
		for (size_t h = 0; h < hdr->n; h++)
			if (hdr->f[h].len == strlen(c->name) &&
			    memcmp(hdr->f[h].s, c->name, hdr->f[h].len) == 0)
				ok = 0;
		if (!ok)
			continue;
		if (c->constant == NULL) {
			d.col = find_col(&c->col, hdr,
			    c->capture ? &d.captured : NULL);
			ok = d.col >= 0;
		}
		if (ok && c->ncond > 0) {
			d.cond_col = xcalloc(c->ncond, sizeof *d.cond_col);
			for (size_t k = 0; k < c->ncond; k++)
				if ((d.cond_col[k] = find_col(&c->cond[k].col, hdr,
				    NULL)) < 0)
					ok = 0;
		}
		if (!ok) {
			/* A later entry of the same name may still bind. */
			int later = 0;

			for (size_t j = i + 1; j < p->ncolumns; j++)
				if (strcmp(p->columns[j].name, c->name) == 0)
					later = 1;
			if (!later) {
				describe(&src, c, hdr, -1, NULL);
				v->m = xreallocarray(v->m, v->nm + 1, sizeof *v->m);
				v->m[v->nm].name = c->name;
				v->m[v->nm].looked_for = src.s;
				v->nm++;
			}
			free(d.cond_col);
			free(d.captured);
			continue;
		}
		describe(&src, c, hdr, d.col, d.cond_col);
		d.source = src.s;
		v->d = xreallocarray(v->d, v->nd + 1, sizeof *v->d);
		v->d[v->nd++] = d;
	}
	/*
	 * A money column (number) carries the currency its text names:
	 * NAME_currency, from the same source, so that a tool can compare
	 * it as it compares a currency column ("USD 100" and "EUR 100" are
	 * not added). Not when the file or the preset has that name.
	 */
	for (size_t i = 0, n = v->nd; i < n; i++) {
		const struct derived *m = &v->d[i];
		struct derived d = { NULL, m->col, NULL, NULL, NULL, NULL };
		struct column *c;
		struct strbuf name = {0}, src = {0};
		int ok = m->def->number && m->col >= 0;

		if (!ok)
			continue;
		sb_printf(&name, "%s_currency", m->def->name);
		for (size_t h = 0; h < hdr->n; h++)
			if (hdr->f[h].len == name.len &&
			    memcmp(hdr->f[h].s, name.s, name.len) == 0)
				ok = 0;
		for (size_t k = 0; k < p->ncolumns; k++)
			if (strcmp(p->columns[k].name, name.s) == 0)
				ok = 0;
		if (!ok || bound(v, name.s)) {
			sb_free(&name);
			continue;
		}
		c = xmalloc(sizeof *c);
		*c = *m->def;          /* its source and conditions, shared */
		c->name = name.s;
		c->nmap = 0;
		c->number = 0;
		c->capture = 0;
		c->currency_of = 1;
		d.def = d.own_def = c;
		if (c->ncond > 0) {
			d.cond_col = xcalloc(c->ncond, sizeof *d.cond_col);
			memcpy(d.cond_col, m->cond_col, c->ncond *
			    sizeof *d.cond_col);
		}
		describe(&src, c, hdr, d.col, d.cond_col);
		d.source = src.s;
		v->d = xreallocarray(v->d, v->nd + 1, sizeof *v->d);
		v->d[v->nd++] = d;
	}
	v->skip_col = xcalloc(p->nskips ? p->nskips : 1, sizeof *v->skip_col);
	for (size_t i = 0; i < p->nskips; i++)
		v->skip_col[i] = p->skips[i].first ? 0 :
		    find_col(&p->skips[i].col, hdr, NULL);
	if (explain) {
		for (size_t j = 0; j < v->nd; j++)
			note(notes, "%s: preset %s: %s = %s", file, p->name,
			    v->d[j].def->name, v->d[j].source);
		for (size_t j = 0; j < v->nm; j++)
			note(notes, "%s: preset %s: no %s here (it looks for %s)",
			    file, p->name, v->m[j].name, v->m[j].looked_for);
	}
	return v;
}

/* How many derived columns the view adds. */
static size_t
filter_columns(const void *view)
{
	const struct preset_view *v = view;

	return v->nd;
}

/* The name of derived column J. */
static const char *
filter_column(const void *view, size_t j)
{
	const struct preset_view *v = view;

	return v->d[j].def->name;
}

/* The file's column derived column J copies (or whose header name it
** captures), or -1 for a constant. */
static long
filter_source(const void *view, size_t j)
{
	const struct preset_view *v = view;

	return v->d[j].col;
}

/* The first skip pattern ROW matches (a rule whose column ROW lacks
** never matches), or NULL. */
static const char *
filter_skip(const void *view, const struct row *row)
{
	const struct preset_view *v = view;

	for (size_t i = 0; i < v->p->nskips; i++) {
		const struct skip *k = &v->p->skips[i];
		long col = v->skip_col[i];

		if (col < 0 || (size_t)col >= row->n)
			continue;
		for (size_t j = 0; j < k->patterns.n; j++)
			if (matches(k->patterns.v[j], row->f[col].s,
			    row->f[col].len, NULL))
				return k->patterns.v[j];
	}
	return NULL;
}

/*
** Money as text, "$1,200.50", "USD 1,200", "-€5", into a plain number in
** BUF; text of any other shape is left as it is, for the tool to reject.
** So is a point followed by exactly three digits with no comma before it,
** "€12.000": twelve where the point is a decimal point, twelve thousand
** where it groups thousands (de-DE), and nothing in the text says which.
*/
static int
clean_number(const char *s, size_t len, char *buf, size_t *outlen)
{
	static const char *const symbols[] = { "$", "\xe2\x82\xac", "\xc2\xa3",
	    "\xc2\xa5" };
	size_t i = 0, o = 0, digits = 0, group = 0;
	int commas = 0;

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i < len && s[i] == '-')
		buf[o++] = s[i++];
	for (int pass = 0; pass < 2; pass++) {
		for (size_t k = 0; k < sizeof symbols / sizeof *symbols; k++) {
			size_t sl = strlen(symbols[k]);

			if (len - i >= sl && memcmp(s + i, symbols[k], sl) == 0)
				i += sl;
		}
		if (len - i >= 4 && s[i] >= 'A' && s[i] <= 'Z' && s[i + 1] >= 'A' &&
		    s[i + 1] <= 'Z' && s[i + 2] >= 'A' && s[i + 2] <= 'Z' &&
		    s[i + 3] == ' ')
			i += 4;
		while (i < len && s[i] == ' ')
			i++;
		if (o == 0 && i < len && s[i] == '-')
			buf[o++] = s[i++];
	}
	/* A currency code after the number: "1,200.00 USD". */
	if (len - i >= 4 && s[len - 4] == ' ' && s[len - 3] >= 'A' &&
	    s[len - 3] <= 'Z' && s[len - 2] >= 'A' && s[len - 2] <= 'Z' &&
	    s[len - 1] >= 'A' && s[len - 1] <= 'Z')
		len -= 4;
	for (; i < len && s[i] != '.'; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			buf[o++] = s[i];
			digits++;
			group++;
		} else if (s[i] == ',' && digits > 0 &&
		    (commas ? group == 3 : group <= 3)) {
			commas = 1;
			group = 0;
		} else {
			return 0;
		}
	}
	if (digits == 0 || (commas && group != 3))
		return 0;
	if (i < len)
		buf[o++] = s[i++];      /* the decimal point */
	if (len - i == 3 && !commas)
		return 0;               /* "12.000": which is it? */
	for (; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		buf[o++] = s[i];
	}
	buf[o] = '\0';
	*outlen = o;
	return 1;
}

/*
** The value of derived column J for ROW: the constant; empty when a
** condition fails; else the source field (or what its header's '*'
** matched), through the value map, and with "number" cleaned into BUF.
*/
static void
filter_value(const void *view, size_t j, const struct row *row, char *buf,
    const char **out, size_t *outlen)
{
	const struct preset_view *v = view;
	const struct derived *d = &v->d[j];
	const struct column *c = d->def;
	const char *s;
	size_t n;

	if (c->constant != NULL) {
		*out = c->constant;
		*outlen = strlen(c->constant);
		return;
	}
	for (size_t k = 0; k < c->ncond; k++) {
		const struct field *f = &row->f[d->cond_col[k]];

		if (matches_any(&c->cond[k].values, f->s, f->len) ==
		    c->cond[k].negate) {
			*out = "";
			*outlen = 0;
			return;
		}
	}
	if (c->capture) {
		s = d->captured;
		n = strlen(s);
	} else {
		s = row->f[d->col].s;
		n = row->f[d->col].len;
	}
	for (size_t m = 0; m < c->nmap; m++)
		if (matches(c->map[m].from, s, n, NULL)) {
			s = c->map[m].to;
			n = strlen(s);
			break;
		}
	if (c->currency_of) {
		const char *t = text_currency(s, n);

		/* A code in the text is copied out, NUL-terminated, into
		 * BUF (the field had 4 bytes or more, BUF holds one more);
		 * a symbol's code is a constant string. */
		if (t >= s && t < s + n) {
			memcpy(buf, t, 3);
			buf[3] = '\0';
			t = buf;
		}
		s = t;
		n = strlen(t);
	} else if (c->number && n > 0 && clean_number(s, n, buf, &n))
		s = buf;
	*out = s;
	*outlen = n;
}

/* Mark in OWN the columns the skip rules read, and those the derived
** columns WANT asks for read: their source and their conditions'. */
static void
filter_want(const void *view, const unsigned char *want, unsigned char *own)
{
	const struct preset_view *v = view;

	for (size_t i = 0; i < v->p->nskips; i++)
		if (v->skip_col[i] >= 0)
			own[v->skip_col[i]] = 1;
	for (size_t j = 0; j < v->nd; j++) {
		const struct derived *d = &v->d[j];

		if (!want[v->nown + j])
			continue;
		if (d->col >= 0)
			own[d->col] = 1;
		for (size_t k = 0; k < d->def->ncond; k++)
			own[d->cond_col[k]] = 1;
	}
}

static void
filter_free(void *view)
{
	struct preset_view *v = view;

	for (size_t i = 0; i < v->nd; i++) {
		free(v->d[i].cond_col);
		free(v->d[i].captured);
		free(v->d[i].source);
		if (v->d[i].own_def != NULL) {
			free(v->d[i].own_def->name);
			free(v->d[i].own_def);
		}
	}
	free(v->d);
	for (size_t i = 0; i < v->nm; i++)
		free(v->m[i].looked_for);
	free(v->m);
	free(v->skip_col);
	free(v);
}

static const struct rd_filter_ops filter_ops = {
	.name = filter_name,
	.is_header = filter_is_header,
	.header_wanted = filter_header_wanted,
	.bind = filter_bind,
	.columns = filter_columns,
	.column = filter_column,
	.source = filter_source,
	.skip = filter_skip,
	.value = filter_value,
	.want = filter_want,
	.free = filter_free,
};
