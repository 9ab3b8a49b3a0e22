/* See LICENSE file for copyright and license details. */
/*
** attribute: multi-touch attribution. Which channels earned the
** conversions and their value: rule-based models, the Markov chain of
** order k and the Shapley value, each with a bootstrap interval. Reads a
** touch log (or a leads table for the conversions, --leads) or a path
** aggregate (--paths). See attribute(1); the arithmetic is in
** lib/attribution.c.
*/
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "../lib/attribution.h"
#include "../lib/cols.h"
#include "../lib/idmap.h"
#include "../lib/idset.h"
#include "../lib/num.h"
#include "../lib/opts.h"
#include "../lib/reader.h"
#include "../lib/stats.h"
#include "../lib/util.h"
#include "../lib/writer.h"

enum { OPT_MODEL = OPT_TOOL, OPT_LOOKBACK, OPT_HALF_LIFE, OPT_DIRECT,
	OPT_ORDER, OPT_BOOTSTRAP, OPT_SEED, OPT_PATHS, OPT_PATH_SEP,
	OPT_LEADS };

static const struct tool_option tool_options[] = {
	{ "model", "LIST", OPT_MODEL,
	    "models to credit by: first, last, last_non_direct, linear, "
	    "position, w_shaped, full_path, time_decay, markov, shapley "
	    "(default all)" },
	{ "lookback", "DAYS", OPT_LOOKBACK,
	    "leave out touches more than DAYS before the conversion" },
	{ "half-life", "DAYS", OPT_HALF_LIFE,
	    "time_decay's half-life in days (default 7)" },
	{ "direct", "NAME", OPT_DIRECT,
	    "the channel last_non_direct passes over (default direct)" },
	{ "order", "K", OPT_ORDER, "the Markov chain's order (default 1)" },
	{ "bootstrap", "R", OPT_BOOTSTRAP,
	    "resamples for conv_lo and conv_hi (default 200; 0: none)" },
	{ "seed", "S", OPT_SEED, "the bootstrap's seed (default 1)" },
	{ "paths", NULL, OPT_PATHS,
	    "the inputs are path aggregates (path, total_conversions, "
	    "total_conversion_value, total_null)" },
	{ "path-sep", "SEP", OPT_PATH_SEP,
	    "with --paths: what separates a path's channels (default ' > ')" },
	{ "leads", "FILE", OPT_LEADS,
	    "the conversions (id, customer_at, amount) from this leads table" },
	{ 0 }
};

/* The most transient states of the Markov chain: its matrix is 8 bytes
** times their square (72 MB). */
#define MAX_STATES 3000

/* The touch log's roles, the path aggregate's, and the leads table's
** (id, conversion, value: the touch log's names). */
enum { T_ID, T_TIME, T_CHANNEL, T_CONV, T_VALUE, NT_ROLES };
enum { P_PATH, P_CONV, P_VALUE, P_NULL, NP_ROLES };
static const struct role all_roles[] = {
	{ "id", "id", 1 },
	{ "time", "touched_at", 1 },
	{ "channel", "channel", 1 },
	{ "conversion", "customer_at", 0 },
	{ "value", "amount", 0 },
	{ "path", "path", 1 },
	{ "conversions", "total_conversions", 1 },
	{ "null", "total_null", 0 },
};

struct config {
	unsigned char use[AM_NMODELS];   /* models asked for */
	int order[AM_NMODELS], nmodels;  /* in the order given */
	double lookback;                 /* days; 0: none */
	double half_life;                /* days */
	const char *direct;
	int korder;
	long long bootstrap;
	uint64_t seed;
	int paths;
	const char *sep;
	const char *leads;
	int half_life_given, sep_given;
};

static void
parse_models(struct config *cfg, const char *arg)
{
	const char *s = arg;

	for (;;) {
		size_t len = strcspn(s, ",");
		int m = attr_model_find(s, len);
		char esc[ESCAPED_MAX];

		if (m < 0)
			usage_error("--model: '%s' is not first, last, "
			    "last_non_direct, linear, position, w_shaped, "
			    "full_path, time_decay, markov or shapley",
			    escape_text(esc, sizeof esc, s, len));
		if (cfg->use[m])
			usage_error("--model: '%s' is given twice",
			    attr_model_names[m]);
		cfg->use[m] = 1;
		cfg->order[cfg->nmodels++] = m;
		if (s[len] == '\0')
			break;
		s += len + 1;
	}
}

static void
handle_option(void *ctx, int key, const char *arg)
{
	struct config *cfg = ctx;

	switch (key) {
	case OPT_MODEL:
		parse_models(cfg, arg);
		break;
	case OPT_LOOKBACK:
		cfg->lookback = opt_double("lookback", arg, -1e9, 1e6);
		if (cfg->lookback <= 0)
			usage_error("--lookback: '%s': a lookback of 0 days or "
			    "less leaves no touch", arg);
		break;
	case OPT_HALF_LIFE:
		cfg->half_life = opt_double("half-life", arg, 0, 1e6);
		if (cfg->half_life <= 0)
			usage_error("--half-life: '%s': give a half-life above 0 "
			    "days", arg);
		cfg->half_life_given = 1;
		break;
	case OPT_DIRECT:
		if (*arg == '\0')
			usage_error("--direct: name a channel");
		cfg->direct = arg;
		break;
	case OPT_ORDER:
		cfg->korder = (int)opt_int("order", arg, 1, 10);
		break;
	case OPT_BOOTSTRAP:
		cfg->bootstrap = opt_int("bootstrap", arg, 0, 100000);
		break;
	case OPT_SEED:
		cfg->seed = (uint64_t)opt_int("seed", arg, 0, LLONG_MAX);
		break;
	case OPT_PATHS:
		cfg->paths = 1;
		break;
	case OPT_PATH_SEP:
		if (*arg == '\0')
			usage_error("--path-sep: an empty separator splits "
			    "nothing");
		cfg->sep = arg;
		cfg->sep_given = 1;
		break;
	case OPT_LEADS:
		cfg->leads = arg;
		break;
	}
}

/* One touch, kept until the end of the input (16 bytes of it per touch
** and the place of the row for messages). */
struct touch {
	kpi_time t;
	uint32_t id, ch;
	uint32_t file;
	unsigned long line;
};

/*
** The journey being read when a touch log streams (rows grouped by
** lead): the current lead's id and conversion, and its touches.
*/
struct journey {
	struct strbuf id;              /* the lead's id (trimmed) */
	size_t k;                      /* with --leads: its id number */
	uint64_t seq;                  /* the number of the journey */
	kpi_time conv;                 /* its conversion, or NO_TIME */
	double value;
	struct touch *tv;              /* its touches, in input order */
	size_t nt, captv;
	int open;                      /* a lead is being read */
	int bytes_up, natural_up;      /* ids so far ascend in byte order, in
	                                  natural order */
};

/* A channel's name and number, met lately (see chan_number()). */
struct chan_slot {
	unsigned char len;             /* 0: empty */
	char name[23];
	uint32_t number;
};

struct run {
	struct config *cfg;
	struct kpi_opts *o;
	struct idmap ids, chans;
	int streamed;                  /* the touch log was streamed */
	size_t nleads;                 /* ids of --leads */
	unsigned char *touched;        /* with --leads streaming: by id */
	struct journey cur;
	uint32_t *jch;                 /* room for one journey's channels, */
	kpi_time *jtt;                 /* times */
	double *jw;                    /* and time-decay weights */
	size_t capj;
	struct chan_slot chan_cache[64];
	struct touch *tv;
	size_t nt, captv;
	kpi_time *convt;               /* by id: conversion time or NO_TIME */
	double *convv;                 /* by id: its value */
	size_t capid;
	struct attr_table paths;       /* the distinct paths */
	char **files;                  /* names of the files read */
	size_t nfiles;
	/* What was left out, and the first of each. */
	uint64_t after, old, empty, dup_leads;
	uint32_t after_file;
	unsigned long after_line;
	char *empty_id, *dup_where;
	uint64_t empty_key;            /* the order of the first's lead */
	struct strbuf *notes;
};

static uint32_t chan_number(struct run *rn, const char *s, size_t len);

/* Room for id number K in the per-id arrays; a new id has no conversion. */
static void
id_room(struct run *rn, size_t k, int created)
{
	if (k >= rn->capid) {
		size_t cap = rn->capid ? 2 * rn->capid : 1024;

		rn->convt = xreallocarray(rn->convt, cap, sizeof *rn->convt);
		rn->convv = xreallocarray(rn->convv, cap, sizeof *rn->convv);
		rn->capid = cap;
	}
	if (created) {
		rn->convt[k] = NO_TIME;
		rn->convv[k] = 0;
	}
}

/* Field COL of ROW, trimmed of blanks, into *S and *LEN. */
static void
field(const struct row *row, long col, const char **s, size_t *len)
{
	const char *p = row->f[col].s;
	size_t n = row->f[col].len;

	while (n > 0 && (*p == ' ' || *p == '\t'))
		p++, n--;
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	*s = p;
	*len = n;
}

/* A value (an amount, a count): a number, not negative. */
static int
nonneg(struct reader *r, const struct row *row, long col, double *out)
{
	const char *s, *why;
	size_t len;

	field(row, col, &s, &len);
	if ((why = num_parse(s, len, out)) != NULL)
		return rd_bad(r, row, col, "'%s': %s", row->f[col].s, why);
	if (*out < 0)
		return rd_bad(r, row, col, "'%s': a negative number",
		    row->f[col].s);
	return 0;
}

/*
** The conversion of ROW (columns CONV and VALUE, VALUE < 0: none) into
** *T (NO_TIME when the row has none) and *V. A value without a
** conversion time, and a conversion without its value (when there is a
** value column), are errors.
*/
static int
decode_conv(struct run *rn, struct reader *r, const struct row *row,
    long conv, long value, kpi_time *t, double *v)
{
	const char *s, *why;
	size_t len;

	*t = NO_TIME;
	*v = 0;
	field(row, conv, &s, &len);
	if (len == 0) {
		if (value >= 0) {
			field(row, value, &s, &len);
			if (len > 0)
				return rd_bad(r, row, value, "'%s': a value "
				    "without a conversion time in %s",
				    row->f[value].s, rd_label(r, conv));
		}
		return 0;
	}
	if ((why = date_parse(s, len, &rn->o->dates, t)) != NULL)
		return rd_bad_date(r, row, conv, s, len, why);
	if (value < 0)
		return 0;
	field(row, value, &s, &len);
	if (len == 0)
		return rd_bad(r, row, value, "empty: a conversion needs its "
		    "value (0 for none)");
	return nonneg(r, row, value, v);
}

/* Read the leads table of --leads: each id's conversion (first row of an
** id wins; the others are counted). */
static void
read_leads(struct run *rn, const char *path)
{
	struct reader *r = rd_open_or_die(path, &rn->o->rd);
	long col[NT_ROLES];
	struct role roles[NT_ROLES];
	const struct row *row;
	unsigned char *want = xcalloc(rd_header(r)->n, 1);
	int rc;

	memcpy(roles, all_roles, sizeof roles);
	roles[T_TIME].required = roles[T_CHANNEL].required = 0;
	roles[T_CONV].required = 1;
	if (cols_bind(r, roles, NT_ROLES, &rn->o->cols, col) < 0)
		rd_die(r);
	want[col[T_ID]] = want[col[T_CONV]] = 1;
	if (col[T_VALUE] >= 0)
		want[col[T_VALUE]] = 1;
	rd_want(r, want);
	while ((rc = rd_next(r, &row)) > 0) {
		const char *s;
		size_t len, k;
		int created;
		kpi_time t;
		double v;

		field(row, col[T_ID], &s, &len);
		if (len == 0) {
			rd_bad(r, row, col[T_ID], "empty: every lead needs "
			    "its id");
			continue;
		}
		if (decode_conv(rn, r, row, col[T_CONV], col[T_VALUE], &t,
		    &v) < 0)
			continue;
		k = idmap_get(&rn->ids, s, len, &created);
		id_room(rn, k, created);
		if (!created) {
			if (rn->dup_leads++ == 0) {
				struct strbuf sb = {0};

				sb_printf(&sb, "%s:%lu: id '%s'", rd_name(r),
				    row->line, row->f[col[T_ID]].s);
				rn->dup_where = sb.s;
			}
			continue;
		}
		rn->convt[k] = t;
		rn->convv[k] = v;
	}
	if (rc < 0)
		rd_die(r);
	free(want);
	rd_close(r);
}

/* Bind touch log R's columns into COL and read only those. */
static void
bind_touches(struct run *rn, struct reader *r, long *col)
{
	struct role roles[NT_ROLES];
	unsigned char *want = xcalloc(rd_header(r)->n, 1);

	memcpy(roles, all_roles, sizeof roles);
	if (rn->cfg->leads == NULL)
		roles[T_CONV].required = 1;
	if (cols_bind(r, roles, NT_ROLES, &rn->o->cols, col) < 0)
		rd_die(r);
	if (rn->cfg->leads != NULL)
		col[T_CONV] = col[T_VALUE] = -1;
	for (int k = 0; k < NT_ROLES; k++)
		if (col[k] >= 0)
			want[col[k]] = 1;
	rd_want(r, want);
	free(want);
}

/* The touch of ROW (columns COL): its time *T, and its conversion *CT
** (NO_TIME when none, or with --leads) and value *V. -1 when bad. */
static int
decode_touch(struct run *rn, struct reader *r, const struct row *row,
    const long *col, kpi_time *t, kpi_time *ct, double *v)
{
	const char *s, *why;
	size_t len;

	*ct = NO_TIME;
	*v = 0;
	field(row, col[T_ID], &s, &len);
	if (len == 0)
		return rd_bad(r, row, col[T_ID], "empty: every touch needs "
		    "the id of its lead");
	field(row, col[T_TIME], &s, &len);
	if ((why = date_parse(s, len, &rn->o->dates, t)) != NULL)
		return rd_bad_date(r, row, col[T_TIME], s, len, why);
	field(row, col[T_CHANNEL], &s, &len);
	if (len == 0)
		return rd_bad(r, row, col[T_CHANNEL], "empty: a touch needs "
		    "its channel");
	if (col[T_CONV] >= 0)
		return decode_conv(rn, r, row, col[T_CONV], col[T_VALUE], ct,
		    v);
	return 0;
}

/* Read touch log R (file number FILE), every touch kept to the end. */
static void
read_touches(struct run *rn, struct reader *r, uint32_t file)
{
	long col[NT_ROLES];
	const struct row *row;
	int rc;

	bind_touches(rn, r, col);
	while ((rc = rd_next(r, &row)) > 0) {
		const char *s;
		size_t len, k, c;
		int created;
		kpi_time t, ct;
		double v;

		if (decode_touch(rn, r, row, col, &t, &ct, &v) < 0)
			continue;
		field(row, col[T_ID], &s, &len);
		k = idmap_get(&rn->ids, s, len, &created);
		id_room(rn, k, created);
		if (col[T_CONV] >= 0 && ct != NO_TIME) {
			if (rn->convt[k] != NO_TIME && (rn->convt[k] != ct ||
			    rn->convv[k] != v)) {
				rd_bad(r, row, col[T_CONV], "id '%s' has another "
				    "conversion (time or value) on an earlier "
				    "row", row->f[col[T_ID]].s);
				continue;
			}
			rn->convt[k] = ct;
			rn->convv[k] = v;
		}
		field(row, col[T_CHANNEL], &s, &len);
		c = chan_number(rn, s, len);
		if (rn->nt == rn->captv) {
			rn->captv = rn->captv ? 2 * rn->captv : 4096;
			rn->tv = xreallocarray(rn->tv, rn->captv, sizeof *rn->tv);
		}
		rn->tv[rn->nt++] = (struct touch){ t, (uint32_t)k, (uint32_t)c,
		    file, row->line };
	}
	if (rc < 0)
		rd_die(r);
}

/* The path of channels CH (N of them) with journeys added: CONV (0 or
** more), NUL, VALUE; and with TD (may be NULL) the time-decay shares of
** one converting journey, summed (made means by finish_paths()). A path
** of a touch log has the sums whenever time_decay is asked for. */
static void
add_path(struct run *rn, const uint32_t *ch, size_t n, double conv,
    double nul, double value, const double *td)
{
	struct attr_path *p = attr_table_get(&rn->paths, ch, n,
	    rn->cfg->use[AM_TIME_DECAY] && !rn->cfg->paths);

	p->conv += conv;
	p->nul += nul;
	p->value += value;
	if (td != NULL)
		for (size_t i = 0; i < n; i++) {
			p->td[i] += td[i];
			p->tdv[i] += td[i] * value;
		}
}

static int
touch_cmp(const void *a, const void *b)
{
	const struct touch *x = a, *y = b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* The number of channel S (LEN >= 1 bytes). A touch log names a few
** channels over and over: a small cache of the names met lately, by
** their length and end bytes, saves hashing each. */
static uint32_t
chan_number(struct run *rn, const char *s, size_t len)
{
	struct chan_slot *c = &rn->chan_cache[(len * 131 +
	    (unsigned char)s[0] * 7 + (unsigned char)s[len - 1]) & 63];
	uint32_t k;

	if (c->len == len && memcmp(c->name, s, len) == 0)
		return c->number;
	k = (uint32_t)idmap_get(&rn->chans, s, len, NULL);
	if (len <= sizeof c->name) {
		c->len = (unsigned char)len;
		memcpy(c->name, s, len);
		c->number = k;
	}
	return k;
}

/* Room for a journey of N touches in the buffers of finish_journey(). */
static void
journey_room(struct run *rn, size_t n)
{
	size_t cap = rn->capj ? rn->capj : 64;

	if (n <= rn->capj)
		return;
	while (cap < n)
		cap *= 2;
	rn->jch = xreallocarray(rn->jch, cap, sizeof *rn->jch);
	rn->jtt = xreallocarray(rn->jtt, cap, sizeof *rn->jtt);
	rn->jw = xreallocarray(rn->jw, cap, sizeof *rn->jw);
	rn->capj = cap;
}

/* Count a conversion without a touch to credit, of the lead ID (LEN
** bytes); the note names the one of the lowest KEY (the first of the
** leads in the order the keyed reading takes them), the first one on a
** tie. */
static void
count_empty(struct run *rn, const char *id, size_t len, uint64_t key)
{
	if (rn->empty++ > 0 && key >= rn->empty_key)
		return;
	free(rn->empty_id);
	rn->empty_id = xmemdup(id, len);
	rn->empty_key = key;
}

/*
** The journey of one lead, ID (LEN bytes, KEY its order for
** count_empty()): its NT touches TV sorted by time (ties in input
** order), converting at CONV (NO_TIME: not) with VALUE. Touches after the
** conversion and before the lookback are counted and left out; the rest
** are added to the lead's path. Costs only the journey's own touches:
** the same for a lead whose rows were kept to the end of the input and
** for one finished as soon as its rows ended.
*/
static void
finish_journey(struct run *rn, const struct touch *tv, size_t nt,
    kpi_time conv, double value, const char *id, size_t len, uint64_t key)
{
	kpi_time back = rn->cfg->lookback > 0 ?
	    (kpi_time)llround(rn->cfg->lookback * MS_PER_DAY) : 0;
	kpi_time end = conv != NO_TIME ? conv : tv[nt - 1].t;
	size_t n = 0;

	journey_room(rn, nt);
	for (size_t q = 0; q < nt; q++) {
		const struct touch *t = &tv[q];

		if (t->t > end) {
			/* The first in the input's order is named. */
			if (rn->after++ == 0 || t->file < rn->after_file ||
			    (t->file == rn->after_file &&
			    t->line < rn->after_line)) {
				rn->after_file = t->file;
				rn->after_line = t->line;
			}
			continue;
		}
		if (back > 0 && t->t < end - back) {
			rn->old++;
			continue;
		}
		rn->jch[n] = t->ch;
		rn->jtt[n++] = t->t;
	}
	if (n == 0) {
		count_empty(rn, id, len, key);
	} else if (conv != NO_TIME) {
		if (rn->cfg->use[AM_TIME_DECAY])
			attr_decay_weights(rn->jtt, n, conv, rn->cfg->half_life,
			    rn->jw);
		add_path(rn, rn->jch, n, 1, 0, value,
		    rn->cfg->use[AM_TIME_DECAY] ? rn->jw : NULL);
	} else {
		add_path(rn, rn->jch, n, 0, 1, 0, NULL);
	}
}

/* Make the journeys of the touches kept to the end of the input, id by
** id, into paths. */
static void
build_journeys(struct run *rn)
{
	size_t nids = idmap_count(&rn->ids), i = 0;
	unsigned char *touched = xcalloc(nids + 1, 1);

	qsort(rn->tv, rn->nt, sizeof *rn->tv, touch_cmp);
	while (i < rn->nt) {
		uint32_t id = rn->tv[i].id;
		size_t j, len;
		const char *s = idmap_id(&rn->ids, id, &len);

		for (j = i; j < rn->nt && rn->tv[j].id == id; j++)
			;
		touched[id] = 1;
		finish_journey(rn, rn->tv + i, j - i, rn->convt[id],
		    rn->convv[id], s, len, id);
		i = j;
	}
	/* Conversions of leads without a touch, after all the others. */
	for (size_t k = 0; k < nids; k++)
		if (!touched[k] && rn->convt[k] != NO_TIME) {
			size_t len;
			const char *s = idmap_id(&rn->ids, k, &len);

			count_empty(rn, s, len, UINT64_MAX);
		}
	free(touched);
}

/* Whether id A (LA bytes) comes strictly before B in byte order. */
static int
bytes_before(const char *a, size_t la, const char *b, size_t lb)
{
	int c = memcmp(a, b, la < lb ? la : lb);

	return c != 0 ? c < 0 : la < lb;
}

/* Finish the journey being streamed, if any. */
static void
stream_finish(struct run *rn)
{
	struct journey *j = &rn->cur;
	kpi_time conv = j->conv;
	double value = j->value;
	uint64_t key = j->seq;

	if (!j->open)
		return;
	/* By time, ties in input order: insertion sort, as a lead's
	** touches are few and often sorted already. */
	if (j->nt > 64) {
		qsort(j->tv, j->nt, sizeof *j->tv, touch_cmp);
	} else {
		for (size_t a = 1; a < j->nt; a++) {
			struct touch t = j->tv[a];
			size_t b = a;

			for (; b > 0 && j->tv[b - 1].t > t.t; b--)
				j->tv[b] = j->tv[b - 1];
			j->tv[b] = t;
		}
	}
	if (rn->cfg->leads != NULL) {
		conv = rn->convt[j->k];
		value = rn->convv[j->k];
		key = j->k;
		if (j->k < rn->nleads)
			rn->touched[j->k] = 1;
	}
	finish_journey(rn, j->tv, j->nt, conv, value, j->id.s, j->id.len, key);
	j->open = 0;
	j->nt = 0;
}

/* Start the journey of lead S (LEN bytes) in the stream. */
static void
stream_start(struct run *rn, const char *s, size_t len)
{
	struct journey *j = &rn->cur;

	j->id.len = 0;
	sb_add(&j->id, s, len);
	j->open = 1;
	j->seq++;
	j->conv = NO_TIME;
	j->value = 0;
	if (rn->cfg->leads != NULL) {
		int created;

		j->k = idmap_get(&rn->ids, s, len, &created);
		id_room(rn, j->k, created);
	}
}

/*
** Stream touch log R (file number FILE) whose rows are grouped by lead:
** each lead's journey is finished when its id changes, so that nothing
** is held per touch or per lead (with --leads, the leads table's ids and
** any others the log holds). Grouping is known for sure only when the
** ids ascend, in byte order or in natural order (as exports sorted by
** lead are); returns -1 at the first id that does neither (the paths
** then hold a part of the journeys), else 0.
*/
static int
stream_touches(struct run *rn, struct reader *r, uint32_t file)
{
	struct journey *j = &rn->cur;
	long col[NT_ROLES];
	const struct row *row;
	int rc;

	bind_touches(rn, r, col);
	while ((rc = rd_next(r, &row)) > 0) {
		const char *s;
		size_t len, c;
		kpi_time t, ct = NO_TIME;
		double v = 0;

		if (decode_touch(rn, r, row, col, &t, &ct, &v) < 0)
			continue;
		field(row, col[T_ID], &s, &len);
		if (!j->open || len != j->id.len ||
		    memcmp(s, j->id.s, len) != 0) {
			if (j->open) {
				if (j->bytes_up)
					j->bytes_up = bytes_before(j->id.s,
					    j->id.len, s, len);
				if (j->natural_up)
					j->natural_up = idset_order(j->id.s,
					    j->id.len, s, len) < 0;
				if (!j->bytes_up && !j->natural_up)
					return -1;
			}
			stream_finish(rn);
			stream_start(rn, s, len);
		}
		if (col[T_CONV] >= 0 && ct != NO_TIME) {
			if (j->conv != NO_TIME && (j->conv != ct ||
			    j->value != v)) {
				rd_bad(r, row, col[T_CONV], "id '%s' has another "
				    "conversion (time or value) on an earlier "
				    "row", row->f[col[T_ID]].s);
				continue;
			}
			j->conv = ct;
			j->value = v;
		}
		field(row, col[T_CHANNEL], &s, &len);
		c = chan_number(rn, s, len);
		if (j->nt == j->captv) {
			j->captv = j->captv ? 2 * j->captv : 64;
			j->tv = xreallocarray(j->tv, j->captv, sizeof *j->tv);
		}
		j->tv[j->nt++] = (struct touch){ t, 0, (uint32_t)c, file,
		    row->line };
	}
	if (rc < 0)
		rd_die(r);
	return 0;
}

/* Read path aggregate R. */
static void
read_paths(struct run *rn, struct reader *r)
{
	long col[4];
	struct role roles[4] = { all_roles[5], all_roles[6], all_roles[4],
	    all_roles[7] };
	unsigned char *want = xcalloc(rd_header(r)->n, 1);
	const struct row *row;
	uint32_t *ch = NULL;
	size_t capch = 0, seplen = strlen(rn->cfg->sep);
	int rc;

	roles[2].header = "total_conversion_value";
	if (cols_bind(r, roles, 4, &rn->o->cols, col) < 0)
		rd_die(r);
	for (int k = 0; k < 4; k++)
		if (col[k] >= 0)
			want[col[k]] = 1;
	rd_want(r, want);
	while ((rc = rd_next(r, &row)) > 0) {
		const char *s = row->f[col[P_PATH]].s;
		const char *end = s + row->f[col[P_PATH]].len;
		double conv, value = 0, nul = 0;
		size_t n = 0, pos = 0;
		int bad = 0;

		if (nonneg(r, row, col[P_CONV], &conv) < 0 ||
		    (col[P_VALUE] >= 0 &&
		    nonneg(r, row, col[P_VALUE], &value) < 0) ||
		    (col[P_NULL] >= 0 && nonneg(r, row, col[P_NULL], &nul) < 0))
			continue;
		for (;;) {
			const char *e = memmem(s, (size_t)(end - s),
			    rn->cfg->sep, seplen);
			const char *a = s, *b = e ? e : end;

			pos++;
			while (a < b && (*a == ' ' || *a == '\t'))
				a++;
			while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
				b--;
			if (a == b) {
				rd_bad(r, row, col[P_PATH], "'%s': no channel "
				    "at position %zu", row->f[col[P_PATH]].s,
				    pos);
				bad = 1;
				break;
			}
			if (n == capch) {
				capch = capch ? 2 * capch : 64;
				ch = xreallocarray(ch, capch, sizeof *ch);
			}
			ch[n++] = (uint32_t)idmap_get(&rn->chans, a,
			    (size_t)(b - a), NULL);
			if (e == NULL)
				break;
			s = e + seplen;
		}
		if (bad)
			continue;
		if (conv == 0 && value > 0) {
			rd_bad(r, row, col[P_VALUE], "'%s': a value without "
			    "a conversion", row->f[col[P_VALUE]].s);
			continue;
		}
		add_path(rn, ch, n, conv, nul, value, NULL);
	}
	if (rc < 0)
		rd_die(r);
	free(ch);
	free(want);
}

/*
** The distinct paths, their channels renumbered by RANK (the place of a
** channel's name in byte order) and sorted by those, so that nothing
** depends on the order of the input's rows; time-decay sums made means.
*/
static struct attr_path *
finish_paths(struct run *rn, const size_t *rank)
{
	struct attr_path *p = rn->paths.p;

	for (size_t i = 0; i < rn->paths.n; i++) {
		struct attr_path *q = &p[i];

		for (size_t k = 0; k < q->n; k++)
			q->ch[k] = (uint32_t)rank[q->ch[k]];
		if (q->td != NULL)
			for (size_t k = 0; k < q->n; k++) {
				double td = q->conv > 0 ? q->td[k] / q->conv : 0;

				q->tdv[k] = q->value > 0 ? q->tdv[k] / q->value :
				    td;
				q->td[k] = td;
			}
	}
	attr_table_sort(&rn->paths);
	return rn->paths.p;
}

static const char *
chan_name(const struct run *rn, size_t c, size_t *len)
{
	return idmap_id(&rn->chans, c, len);
}

static int
chan_cmp_r(const void *a, const void *b, void *ctx)
{
	const struct run *rn = ctx;
	size_t la, lb;
	const char *x = chan_name(rn, *(const size_t *)a, &la);
	const char *y = chan_name(rn, *(const size_t *)b, &lb);
	int c = memcmp(x, y, la < lb ? la : lb);

	return c ? c : la < lb ? -1 : la > lb;
}

/* Check that model M's credits add up; an internal error if not. */
static void
check_sums(int m, const double *conv, const double *val, size_t nch,
    double tconv, double tval)
{
	double sc = 0, sv = 0;

	for (size_t c = 0; c < nch; c++) {
		sc += conv[c];
		sv += val[c];
	}
	if (fabs(sc - tconv) > 1e-9 * fmax(1, fabs(tconv)) ||
	    fabs(sv - tval) > 1e-9 * fmax(1, fabs(tval)))
		die(EX_SOFTWARE, "internal error: the %s credits add up to "
		    "%.17g conversions and %.17g value, not %.17g and %.17g",
		    attr_model_names[m], sc, sv, tconv, tval);
}

static void
markov_failed(const struct config *cfg)
{
	die(EX_DATAERR, "the Markov chain of order %d has more than %d "
	    "states: too many to solve exactly; give a lower --order",
	    cfg->korder, MAX_STATES);
}

/* Credit every model asked for, bootstrap, and write the table. */
static void
credit_and_write(struct run *rn, struct writer *w)
{
	struct config *cfg = rn->cfg;
	struct attr_path *p, *q;
	size_t np = rn->paths.n, nch = idmap_count(&rn->chans);
	size_t *order = xcalloc(nch + 1, sizeof *order);
	size_t *rank = xcalloc(nch + 1, sizeof *rank);
	struct attr_params par = { nch, UINT32_MAX, cfg->korder, MAX_STATES,
	    NULL };
	double tconv = 0, tval = 0;
	double *conv = xcalloc((size_t)cfg->nmodels * nch + 1, sizeof *conv);
	double *val = xcalloc((size_t)cfg->nmodels * nch + 1, sizeof *val);
	double *boot = xcalloc((size_t)cfg->bootstrap * cfg->nmodels * nch + 1,
	    sizeof *boot);
	double *bc = xcalloc(nch + 1, sizeof *bc), *bv = xcalloc(nch + 1,
	    sizeof *bv), *col = xcalloc((size_t)cfg->bootstrap + 1,
	    sizeof *col);
	uint64_t state = cfg->seed;
	struct attr_states states = {0};

	for (size_t c = 0; c < nch; c++)
		order[c] = c;
	qsort_r(order, nch, sizeof *order, chan_cmp_r, rn);
	for (size_t i = 0; i < nch; i++) {
		size_t len;
		const char *s = chan_name(rn, order[i], &len);

		rank[order[i]] = i;
		if (len == strlen(cfg->direct) && memcmp(s, cfg->direct, len) == 0)
			par.direct = (uint32_t)i;
	}
	p = finish_paths(rn, rank);
	for (size_t j = 0; j < np; j++) {
		tconv += p[j].conv;
		tval += p[j].value;
	}
	for (int k = 0; k < cfg->nmodels; k++) {
		int m = cfg->order[k];

		if (attr_credit(m, p, np, &par, conv + k * nch,
		    val + k * nch) < 0)
			markov_failed(cfg);
		check_sums(m, conv + k * nch, val + k * nch, nch, tconv, tval);
	}
	q = xcalloc(np + 1, sizeof *q);
	/* The resamples' chains have the same states, numbered once. */
	if (cfg->bootstrap > 0 && cfg->use[AM_MARKOV] &&
	    attr_markov_states(&states, p, np, nch, cfg->korder,
	    MAX_STATES) == 0)
		par.states = &states;
	for (long long b = 0; b < cfg->bootstrap; b++) {
		for (size_t j = 0; j < np; j++) {
			q[j] = p[j];
			q[j].conv = attr_poisson(&state, p[j].conv);
			q[j].nul = attr_poisson(&state, p[j].nul);
			q[j].value = p[j].conv > 0 ? p[j].value * q[j].conv /
			    p[j].conv : 0;
		}
		for (int k = 0; k < cfg->nmodels; k++) {
			if (attr_credit(cfg->order[k], q, np, &par, bc, bv) < 0)
				markov_failed(cfg);
			for (size_t c = 0; c < nch; c++)
				boot[((size_t)k * nch + c) * cfg->bootstrap + b] =
				    bc[c];
		}
	}

	wr_str(w, "model");
	wr_str(w, "channel");
	wr_str(w, "conversions");
	wr_str(w, "value");
	wr_str(w, "share");
	wr_str(w, "conv_lo");
	wr_str(w, "conv_hi");
	wr_end(w);
	for (int k = 0; k < cfg->nmodels; k++)
		for (size_t i = 0; i < nch; i++) {
			size_t c = i, len;
			const char *s = chan_name(rn, order[i], &len);

			wr_str(w, attr_model_names[cfg->order[k]]);
			wr_field(w, s, len);
			wr_num(w, conv[k * nch + c]);
			wr_num(w, val[k * nch + c]);
			wr_num(w, tconv > 0 ? conv[k * nch + c] / tconv : NAN);
			if (cfg->bootstrap > 0) {
				memcpy(col, boot + ((size_t)k * nch + c) *
				    cfg->bootstrap, cfg->bootstrap * sizeof *col);
				sort_doubles(col, cfg->bootstrap);
				wr_num(w, quantile7(col, cfg->bootstrap, 0.025));
				wr_num(w, quantile7(col, cfg->bootstrap, 0.975));
			} else {
				wr_empty(w);
				wr_empty(w);
			}
			wr_end(w);
		}
	attr_states_free(&states);
	free(q);
	free(order);
	free(rank);
	free(conv);
	free(val);
	free(boot);
	free(bc);
	free(bv);
	free(col);
}

/* Stream every touch log (stream_touches()); -1 when one is not grouped
** by lead, at the first id that shows it. */
static int
stream_all(struct run *rn)
{
	struct kpi_opts *o = rn->o;

	rn->cur.bytes_up = rn->cur.natural_up = 1;
	if (rn->cfg->leads != NULL) {
		rn->nleads = idmap_count(&rn->ids);
		rn->touched = xcalloc(rn->nleads + 1, 1);
	}
	for (size_t i = 0; i < o->nfiles; i++) {
		struct reader *r = rd_open_or_die(o->files[i], &o->rd);
		int rc;

		rn->files[rn->nfiles++] = xstrdup(rd_name(r));
		rc = stream_touches(rn, r, (uint32_t)i);
		rd_close(r);
		if (rc < 0)
			return -1;
	}
	stream_finish(rn);
	/* Conversions of leads without a touch, after all the others. */
	for (size_t k = 0; k < rn->nleads; k++)
		if (!rn->touched[k] && rn->convt[k] != NO_TIME) {
			size_t len;
			const char *s = idmap_id(&rn->ids, k, &len);

			count_empty(rn, s, len, UINT64_MAX);
		}
	rn->streamed = 1;
	return 0;
}

/*
** Forget a stream that met a lead out of order, so that the inputs are
** read again, every touch kept: the paths, the counts, the channels, the
** notes of the reading (NOTES back to its length before it; --leads was
** read before and stays), the progress counts.
*/
static void
restart(struct run *rn, struct strbuf *notes, size_t mark)
{
	attr_table_free(&rn->paths);
	idmap_free(&rn->chans);
	memset(rn->chan_cache, 0, sizeof rn->chan_cache);
	for (size_t i = 0; i < rn->nfiles; i++)
		free(rn->files[i]);
	rn->nfiles = 0;
	rn->after = rn->old = rn->empty = 0;
	free(rn->empty_id);
	rn->empty_id = NULL;
	rn->cur.open = 0;
	rn->cur.nt = 0;
	if (notes->len > mark) {
		notes->len = mark;
		notes->s[mark] = '\0';
	}
	if (rn->o->rd.progress != NULL)
		progress_rewind(rn->o->rd.progress);  /* read again, counted again */
}

/* Usage errors of option combinations; defaults filled in. */
static void
settle(struct config *cfg, struct kpi_opts *o)
{
	if (o->group.nby > 0 || o->group.period != PERIOD_NONE)
		usage_error("--by and --period do not apply: attribute credits "
		    "the channels over all the journeys it reads; give it the "
		    "touches of one group or period");
	if (cfg->paths) {
		if (cfg->lookback > 0)
			usage_error("--lookback needs the touches' times; a "
			    "path aggregate (--paths) has none");
		if (cfg->leads != NULL)
			usage_error("--leads gives the conversions of a touch "
			    "log; a path aggregate (--paths) holds its own");
		if (cfg->use[AM_TIME_DECAY])
			usage_error("--model: time_decay needs the touches' "
			    "times; a path aggregate (--paths) has none");
		if (cfg->half_life_given)
			usage_error("--half-life goes with time_decay, which a "
			    "path aggregate (--paths) cannot give");
	} else if (cfg->sep_given) {
		usage_error("--path-sep goes with --paths: it splits the "
		    "path column");
	}
	if (cfg->half_life_given && cfg->nmodels > 0 &&
	    !cfg->use[AM_TIME_DECAY])
		usage_error("--half-life goes with the time_decay model");
	if (cfg->nmodels == 0)
		for (int m = 0; m < AM_NMODELS; m++)
			if (!(cfg->paths && m == AM_TIME_DECAY)) {
				cfg->use[m] = 1;
				cfg->order[cfg->nmodels++] = m;
			}
}

int
main(int argc, char *argv[])
{
	static const struct tool_spec spec = {
		"[file ...]",
		"Credit conversions and value to channels: rule-based, Markov "
		"and Shapley attribution.",
		0, tool_options, handle_option, "touches",
	};
	struct config cfg = { .half_life = 7, .direct = "direct",
	    .korder = 1, .bootstrap = 200, .seed = 1, .sep = " > " };
	struct strbuf notes = {0};
	size_t mark;
	struct kpi_opts o;
	struct writer w;
	struct run rn;

	opts_parse(&o, &spec, &cfg, argc, argv);
	/* Warnings wait until the result is formed (see note()). */
	o.rd.notes = &notes;
	settle(&cfg, &o);
	cols_check_roles(&o.cols, all_roles,
	    sizeof all_roles / sizeof all_roles[0]);

	memset(&rn, 0, sizeof rn);
	rn.cfg = &cfg;
	rn.o = &o;
	rn.notes = &notes;
	rn.files = xcalloc(o.nfiles + 1, sizeof *rn.files);
	if (cfg.leads != NULL)
		read_leads(&rn, strcmp(cfg.leads, "-") == 0 ? NULL : cfg.leads);
	mark = notes.len;
	if (!cfg.paths && opts_rereadable(&o) && stream_all(&rn) < 0)
		restart(&rn, &notes, mark);
	if (!rn.streamed) {
		for (size_t i = 0; i < o.nfiles; i++) {
			struct reader *r = rd_open_or_die(o.files[i], &o.rd);

			rn.files[rn.nfiles++] = xstrdup(rd_name(r));
			if (cfg.paths)
				read_paths(&rn, r);
			else
				read_touches(&rn, r, (uint32_t)i);
			rd_close(r);
		}
		if (!cfg.paths)
			build_journeys(&rn);
	}
	progress_done(&o.progress);
	opts_writer(&o, &w);
	credit_and_write(&rn, &w);

	if (rn.dup_leads > 0)
		note(&notes, "%s: %llu rows repeat an id seen before and are "
		    "left out (the first row wins); the first: %s", cfg.leads,
		    (unsigned long long)rn.dup_leads, rn.dup_where);
	if (rn.after > 0)
		note(&notes, "%llu touches come after their lead's conversion "
		    "and are left out; the first: %s:%lu",
		    (unsigned long long)rn.after, rn.files[rn.after_file],
		    rn.after_line);
	if (rn.old > 0)
		note(&notes, "%llu touches are more than %g days (--lookback) "
		    "before the end of their journey and are left out",
		    (unsigned long long)rn.old, cfg.lookback);
	if (rn.empty > 0)
		note(&notes, "%llu conversions have no touch to credit (none "
		    "before the conversion, or within --lookback) and are left "
		    "out; the first: id '%s'", (unsigned long long)rn.empty,
		    rn.empty_id);

	attr_table_free(&rn.paths);
	idmap_free(&rn.ids);
	idmap_free(&rn.chans);
	free(rn.tv);
	free(rn.cur.tv);
	sb_free(&rn.cur.id);
	free(rn.jch);
	free(rn.jtt);
	free(rn.jw);
	free(rn.touched);
	free(rn.convt);
	free(rn.convv);
	for (size_t i = 0; i < rn.nfiles; i++)
		free(rn.files[i]);
	free(rn.files);
	free(rn.empty_id);
	free(rn.dup_where);
	notes_print(&notes);
	sb_free(&notes);
	opts_free(&o);
	return close_stdout();
}
