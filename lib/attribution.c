/* See LICENSE file for copyright and license details. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "attribution.h"
#include "idmap.h"
#include "rng.h"
#include "util.h"

const char *const attr_model_names[AM_NMODELS] = {
	"first", "last", "last_non_direct", "linear", "position", "w_shaped",
	"full_path", "time_decay", "markov", "shapley",
};

int
attr_model_find(const char *name, size_t len)
{
	for (int m = 0; m < AM_NMODELS; m++)
		if (strlen(attr_model_names[m]) == len &&
		    memcmp(attr_model_names[m], name, len) == 0)
			return m;
	return -1;
}

/* KEYS (NK distinct positions) get KEY each, the other N - NK share REST;
** with no others, all N share 1 equally. */
static void
keyed(double *w, size_t n, const size_t *keys, size_t nk, double key,
    double rest)
{
	if (n <= nk) {
		for (size_t i = 0; i < n; i++)
			w[i] = 1.0 / (double)n;
		return;
	}
	for (size_t i = 0; i < n; i++)
		w[i] = rest / (double)(n - nk);
	for (size_t j = 0; j < nk; j++)
		w[keys[j]] = key;
}

void
attr_rule_weights(enum attr_model m, const uint32_t *ch, size_t n,
    uint32_t direct, double *w)
{
	size_t keys[4], last;

	memset(w, 0, n * sizeof *w);
	switch (m) {
	case AM_FIRST:
		w[0] = 1;
		break;
	case AM_LAST:
		w[n - 1] = 1;
		break;
	case AM_LAST_NON_DIRECT:
		last = n - 1;
		for (size_t i = n; i-- > 0; )
			if (ch[i] != direct) {
				last = i;
				break;
			}
		w[last] = 1;
		break;
	case AM_LINEAR:
		for (size_t i = 0; i < n; i++)
			w[i] = 1.0 / (double)n;
		break;
	case AM_POSITION:
		if (n <= 2) {
			keys[0] = 0, keys[1] = n - 1;
			keyed(w, n, keys, n, 0, 0);
		} else {
			keys[0] = 0, keys[1] = n - 1;
			keyed(w, n, keys, 2, 0.4, 0.2);
		}
		break;
	case AM_W_SHAPED:
		keys[0] = 0, keys[1] = (n - 1) / 2, keys[2] = n - 1;
		keyed(w, n, keys, 3, 0.3, 0.1);
		break;
	case AM_FULL_PATH:
		keys[0] = 0, keys[1] = (n - 1) / 3, keys[2] = 2 * (n - 1) / 3;
		keys[3] = n - 1;
		keyed(w, n, keys, 4, 0.225, 0.1);
		break;
	default:
		die(EX_SOFTWARE, "internal error: attr_rule_weights of model %d", (int)m);
	}
}

void
attr_decay_weights(const kpi_time *t, size_t n, kpi_time conv,
    double half_life, double *w)
{
	double sum = 0, newest = days_between(t[n - 1], conv);

	for (size_t i = 0; i < n; i++) {
		double age = days_between(t[i], conv);

		if (age < newest)
			newest = age;
	}
	for (size_t i = 0; i < n; i++) {
		w[i] = exp2(-(days_between(t[i], conv) - newest) / half_life);
		sum += w[i];
	}
	for (size_t i = 0; i < n; i++)
		w[i] /= sum;
}

void
attr_shapley(const struct attr_path *p, size_t np, size_t nch, double *conv,
    double *val)
{
	unsigned char *in = xcalloc(nch ? nch : 1, 1);

	memset(conv, 0, nch * sizeof *conv);
	memset(val, 0, nch * sizeof *val);
	for (size_t k = 0; k < np; k++) {
		size_t distinct = 0;

		if (p[k].conv == 0 && p[k].value == 0)
			continue;
		for (size_t i = 0; i < p[k].n; i++)
			if (!in[p[k].ch[i]]++)
				distinct++;
		for (size_t i = 0; i < p[k].n; i++) {
			uint32_t c = p[k].ch[i];

			if (!in[c])
				continue;
			in[c] = 0;
			conv[c] += p[k].conv / (double)distinct;
			val[c] += p[k].value / (double)distinct;
		}
	}
	free(in);
}

/* The transient states of the chain and the counts between them. */
struct chain {
	size_t ns;
	double *q;        /* ns x ns transition counts, row = from */
	double *conv;     /* counts into conversion */
	double *out;      /* all counts out of a state */
	double *start;    /* counts from start */
	unsigned char *has;  /* ns x nch: state holds channel */
};

int
attr_markov_states(struct attr_states *st, const struct attr_path *p,
    size_t np, size_t nch, int k, size_t max_states)
{
	struct idmap states = {0};
	size_t total = 0;

	memset(st, 0, sizeof *st);
	for (size_t j = 0; j < np; j++)
		total += p[j].n;
	st->of = xcalloc(total + 1, sizeof *st->of);
	total = 0;
	for (size_t j = 0; j < np; j++) {
		for (size_t i = 0; i < p[j].n; i++) {
			size_t from = i + 1 > (size_t)k ? i + 1 - (size_t)k : 0;
			int created;
			size_t s = idmap_get(&states, (const char *)(p[j].ch +
			    from), (i + 1 - from) * sizeof *p[j].ch, &created);

			st->of[total++] = (uint32_t)s;
			if (created && s >= max_states) {
				idmap_free(&states);
				attr_states_free(st);
				return -1;
			}
			if (created) {
				st->has = xreallocarray(st->has, (s + 1) *
				    (nch ? nch : 1), 1);
				memset(st->has + s * nch, 0, nch);
				for (size_t q = from; q <= i; q++)
					st->has[s * nch + p[j].ch[q]] = 1;
			}
		}
	}
	st->ns = idmap_count(&states);
	st->nch = nch;
	idmap_free(&states);
	return 0;
}

void
attr_states_free(struct attr_states *st)
{
	free(st->of);
	free(st->has);
	memset(st, 0, sizeof *st);
}

/* Build C of order K from the states numbered in ST: numbered again in
** the order they first appear in the paths that count, as
** chain_build() numbers them. */
static size_t *
chain_number(struct chain *c, const struct attr_states *st,
    const struct attr_path *p, size_t np, size_t nch)
{
	uint32_t *local = xcalloc(st->ns + 1, sizeof *local);
	size_t total = 0, pos = 0, ns = 0;
	size_t *path_state;

	for (size_t j = 0; j < np; j++)
		if (p[j].conv + p[j].nul != 0)
			total += p[j].n;
	path_state = xcalloc(total + 1, sizeof *path_state);
	total = 0;
	for (size_t j = 0; j < np; pos += p[j].n, j++) {
		if (p[j].conv + p[j].nul == 0)
			continue;
		for (size_t i = 0; i < p[j].n; i++) {
			uint32_t g = st->of[pos + i];

			if (local[g] == 0)
				local[g] = (uint32_t)++ns;
			path_state[total++] = local[g] - 1;
		}
	}
	c->ns = ns;
	c->has = xcalloc(ns * nch + 1, 1);
	for (size_t g = 0; g < st->ns; g++)
		if (local[g] != 0)
			memcpy(c->has + (local[g] - 1) * nch, st->has + g * nch,
			    nch);
	free(local);
	return path_state;
}

/* Build C of order K (with ST, from its states); 0, or -1 past
** MAX_STATES. */
static int
chain_build(struct chain *c, const struct attr_path *p, size_t np,
    size_t nch, int k, size_t max_states, const struct attr_states *st)
{
	struct idmap states = {0};
	size_t *path_state = NULL, cap = 0, total = 0;
	size_t ns;

	memset(c, 0, sizeof *c);
	if (st != NULL) {
		path_state = chain_number(c, st, p, np, nch);
		ns = c->ns;
		c->q = xcalloc(ns * ns + 1, sizeof *c->q);
		c->conv = xcalloc(ns + 1, sizeof *c->conv);
		c->out = xcalloc(ns + 1, sizeof *c->out);
		c->start = xcalloc(ns + 1, sizeof *c->start);
		goto count;
	}
	/* Number the states first, so the matrix is allocated once. */
	for (size_t j = 0; j < np; j++) {
		if (p[j].conv + p[j].nul == 0)
			continue;
		if (total + p[j].n > cap) {
			cap = 2 * (total + p[j].n);
			path_state = xreallocarray(path_state, cap,
			    sizeof *path_state);
		}
		for (size_t i = 0; i < p[j].n; i++) {
			size_t from = i + 1 > (size_t)k ? i + 1 - (size_t)k : 0;

			path_state[total++] = idmap_get(&states,
			    (const char *)(p[j].ch + from),
			    (i + 1 - from) * sizeof *p[j].ch, NULL);
		}
		if (idmap_count(&states) > max_states) {
			idmap_free(&states);
			free(path_state);
			return -1;
		}
	}
	ns = c->ns = idmap_count(&states);
	c->q = xcalloc(ns * ns + 1, sizeof *c->q);
	c->conv = xcalloc(ns + 1, sizeof *c->conv);
	c->out = xcalloc(ns + 1, sizeof *c->out);
	c->start = xcalloc(ns + 1, sizeof *c->start);
	c->has = xcalloc(ns * nch + 1, 1);
	for (size_t s = 0; s < ns; s++) {
		size_t len;
		const uint32_t *ch;
		uint32_t tmp[64];
		const char *b = idmap_id(&states, s, &len);

		/* The ids' bytes need not be aligned for uint32_t. */
		for (size_t off = 0; off < len; off += sizeof tmp) {
			size_t part = len - off < sizeof tmp ? len - off :
			    sizeof tmp;

			memcpy(tmp, b + off, part);
			ch = tmp;
			for (size_t i = 0; i < part / sizeof *ch; i++)
				c->has[s * nch + ch[i]] = 1;
		}
	}
count:
	total = 0;
	for (size_t j = 0; j < np; j++) {
		double w = p[j].conv + p[j].nul;

		if (w == 0)
			continue;
		c->start[path_state[total]] += w;
		for (size_t i = 0; i + 1 < p[j].n; i++) {
			size_t a = path_state[total + i], b = path_state[total + i + 1];

			c->q[a * ns + b] += w;
			c->out[a] += w;
		}
		c->conv[path_state[total + p[j].n - 1]] += p[j].conv;
		c->out[path_state[total + p[j].n - 1]] += w;
		total += p[j].n;
	}
	idmap_free(&states);
	free(path_state);
	return 0;
}

static void
chain_free(struct chain *c)
{
	free(c->q);
	free(c->conv);
	free(c->out);
	free(c->start);
	free(c->has);
}

/*
** P(conversion) from start with the states holding channel REMOVED (or
** none: REMOVED = SIZE_MAX) made null: solve (I - Q) h = r over the
** remaining states by Gaussian elimination with partial pivoting. A, B
** and IDX are scratch of ns^2, ns and ns.
*/
static double
chain_solve(const struct chain *c, size_t nch, size_t removed, double *a,
    double *b, size_t *idx)
{
	size_t n = 0, ns = c->ns;
	double startsum = 0, pc = 0;

	for (size_t s = 0; s < ns; s++) {
		startsum += c->start[s];
		if (removed == SIZE_MAX || !c->has[s * nch + removed])
			idx[n++] = s;
	}
	if (startsum == 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		size_t s = idx[i];

		for (size_t j = 0; j < n; j++)
			a[i * n + j] = (i == j) - c->q[s * ns + idx[j]] / c->out[s];
		b[i] = c->conv[s] / c->out[s];
	}
	for (size_t col = 0; col < n; col++) {
		size_t piv = col;

		for (size_t i = col + 1; i < n; i++)
			if (fabs(a[i * n + col]) > fabs(a[piv * n + col]))
				piv = i;
		if (piv != col) {
			for (size_t j = 0; j < n; j++) {
				double t = a[col * n + j];

				a[col * n + j] = a[piv * n + j];
				a[piv * n + j] = t;
			}
			double t = b[col];
			b[col] = b[piv];
			b[piv] = t;
		}
		for (size_t i = col + 1; i < n; i++) {
			double f = a[i * n + col] / a[col * n + col];

			if (f == 0)
				continue;
			for (size_t j = col; j < n; j++)
				a[i * n + j] -= f * a[col * n + j];
			b[i] -= f * b[col];
		}
	}
	for (size_t i = n; i-- > 0; ) {
		double s = b[i];

		for (size_t j = i + 1; j < n; j++)
			s -= a[i * n + j] * b[j];
		b[i] = s / a[i * n + i];
	}
	for (size_t i = 0; i < n; i++)
		pc += c->start[idx[i]] * b[i];
	return pc / startsum;
}

/* attr_markov(), with the states of ST when not NULL. */
static size_t
markov(const struct attr_path *p, size_t np, size_t nch, int k,
    size_t max_states, const struct attr_states *st, double *pconv,
    double *re)
{
	struct chain c;
	double *a, *b, pall;
	size_t *idx;

	if (chain_build(&c, p, np, nch, k, max_states, st) < 0)
		return 0;
	a = xcalloc(c.ns * c.ns + 1, sizeof *a);
	b = xcalloc(c.ns + 1, sizeof *b);
	idx = xcalloc(c.ns + 1, sizeof *idx);
	pall = chain_solve(&c, nch, SIZE_MAX, a, b, idx);
	if (pconv != NULL)
		*pconv = pall;
	for (size_t ch = 0; ch < nch; ch++)
		re[ch] = pall > 0 ? 1 - chain_solve(&c, nch, ch, a, b, idx) /
		    pall : 0;
	free(a);
	free(b);
	free(idx);
	chain_free(&c);
	return c.ns ? c.ns : 1;
}

size_t
attr_markov(const struct attr_path *p, size_t np, size_t nch, int k,
    size_t max_states, double *pconv, double *re)
{
	return markov(p, np, nch, k, max_states, NULL, pconv, re);
}

int
attr_credit(enum attr_model m, const struct attr_path *p, size_t np,
    const struct attr_params *par, double *conv, double *val)
{
	size_t nch = par->nch, maxn = 1;
	double *w, tconv = 0, tval = 0, sum = 0;

	memset(conv, 0, nch * sizeof *conv);
	memset(val, 0, nch * sizeof *val);
	if (m == AM_SHAPLEY) {
		attr_shapley(p, np, nch, conv, val);
		return 0;
	}
	if (m == AM_MARKOV) {
		double *re = xcalloc(nch + 1, sizeof *re);

		if (markov(p, np, nch, par->order, par->max_states,
		    par->states != NULL && par->states->nch == nch ?
		    par->states : NULL, NULL, re) == 0) {
			free(re);
			return -1;
		}
		for (size_t j = 0; j < np; j++) {
			tconv += p[j].conv;
			tval += p[j].value;
		}
		for (size_t ch = 0; ch < nch; ch++)
			sum += re[ch];
		for (size_t ch = 0; ch < nch && sum > 0; ch++) {
			conv[ch] = tconv * re[ch] / sum;
			val[ch] = tval * re[ch] / sum;
		}
		free(re);
		return 0;
	}
	for (size_t j = 0; j < np; j++)
		if (p[j].n > maxn)
			maxn = p[j].n;
	w = xcalloc(maxn, sizeof *w);
	for (size_t j = 0; j < np; j++) {
		const double *wc = w, *wv = w;

		if (p[j].conv == 0 && p[j].value == 0)
			continue;
		if (m == AM_TIME_DECAY) {
			if (p[j].td == NULL)
				continue;
			wc = p[j].td;
			wv = p[j].tdv;
		} else {
			attr_rule_weights(m, p[j].ch, p[j].n, par->direct, w);
		}
		for (size_t i = 0; i < p[j].n; i++) {
			conv[p[j].ch[i]] += p[j].conv * wc[i];
			val[p[j].ch[i]] += p[j].value * wv[i];
		}
	}
	free(w);
	return 0;
}

/* A uniform double in [0, 1). */
static double
unif(uint64_t *state)
{
	return (double)(splitmix64(state) >> 11) * 0x1p-53;
}

double
attr_poisson(uint64_t *state, double lambda)
{
	if (lambda <= 0)
		return 0;
	if (lambda < 10) {
		double limit = exp(-lambda), prod = unif(state);
		double k = 0;

		while (prod > limit) {
			prod *= unif(state);
			k++;
		}
		return k;
	}
	/* PTRS (Hoermann 1993), as its paper gives the constants. */
	double slam = sqrt(lambda), loglam = log(lambda);
	double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
	double invalpha = 1.1239 + 1.1328 / (b - 3.4);
	double vr = 0.9277 - 3.6224 / (b - 2);

	for (;;) {
		double u = unif(state) - 0.5, v = unif(state);
		double us = 0.5 - fabs(u), k;

		if (us <= 0)
			continue;
		k = floor((2 * a / us + b) * u + lambda + 0.43);

		if (us >= 0.07 && v <= vr)
			return k;
		if (k < 0 || (us < 0.013 && v > us))
			continue;
		if (log(v) + log(invalpha) - log(a / (us * us) + b) <=
		    -lambda + k * loglam - lgamma(k + 1))
			return k;
	}
}

/* The bits of the cache of recent paths: 8192 slots of 4 bytes. */
#define RECENT_BITS 13
/* The table's memory for channels comes in blocks of this many bytes. */
#define TABLE_BLOCK (64 * 1024)

struct attr_block {
	struct attr_block *next;
};

/* SIZE bytes, aligned for doubles, from T's blocks. */
static void *
table_mem(struct attr_table *t, size_t size)
{
	void *p;

	size = (size + 7) & ~(size_t)7;
	if (size > t->memleft) {
		size_t block = size + sizeof(double) > TABLE_BLOCK ?
		    size + sizeof(double) : TABLE_BLOCK;
		struct attr_block *b = xmalloc(block);

		b->next = t->mem;
		t->mem = b;
		t->memnext = (char *)b + sizeof(double);
		t->memleft = block - sizeof(double);
	}
	p = t->memnext;
	t->memnext += size;
	t->memleft -= size;
	return p;
}

static int
same_path(const struct attr_path *p, const uint32_t *ch, size_t n)
{
	if (p->n != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (p->ch[i] != ch[i])
			return 0;
	return 1;
}

/* A slot: the top 24 bits of the path's hash over its number + 1 (40
** bits: the paths' array runs out of memory long before 2^40 paths). */
#define SLOT_NUM(s) ((s) & ((UINT64_C(1) << 40) - 1))
#define SLOT_TAG(h) ((h) >> 40 << 40)

/* The slot of T where the path of hash H and channels CH (N) is, or
** the empty one where it goes. */
static size_t
table_probe(const struct attr_table *t, uint64_t h, const uint32_t *ch,
    size_t n)
{
	size_t mask = t->nslots - 1, i = (size_t)h & mask;

	for (;; i = (i + 1) & mask) {
		uint64_t s = t->slot[i];

		if (s == 0)
			return i;
		if (SLOT_TAG(s) == SLOT_TAG(h) &&
		    same_path(&t->p[SLOT_NUM(s) - 1], ch, n))
			return i;
	}
}

static uint64_t
path_hash(const uint32_t *ch, size_t n)
{
	return hash_keyed(ch, n * sizeof *ch);
}

/* Double T's slots, every path put again by its hash, computed anew. */
static void
table_grow(struct attr_table *t)
{
	t->nslots = t->nslots ? 2 * t->nslots : 1024;
	free(t->slot);
	t->slot = xcalloc(t->nslots, sizeof *t->slot);
	for (size_t k = 0; k < t->n; k++) {
		uint64_t h = path_hash(t->p[k].ch, t->p[k].n);
		size_t mask = t->nslots - 1, j;

		for (j = (size_t)h & mask; t->slot[j] != 0; j = (j + 1) & mask)
			;
		t->slot[j] = SLOT_TAG(h) | (k + 1);
	}
}

struct attr_path *
attr_table_get(struct attr_table *t, const uint32_t *ch, size_t n,
    int with_td)
{
	uint64_t r = n, h, key = 0;
	int packed = 1;
	size_t rs, i, k;
	struct attr_path *p;

	/* The cache: a multiply-xor hash, as a clash costs only a probe;
	** a short path is its own key there, packed a byte a channel after
	** its length, so that a hit reads no channels. */
	for (size_t j = 0; j < n; j++) {
		r = (r ^ ch[j]) * UINT64_C(0x9e3779b97f4a7c15);
		if (j < 7 && ch[j] < 256)
			key |= (uint64_t)ch[j] << (8 * (j + 1));
		else
			key = 0, packed = 0;
	}
	if (packed)
		key |= n;
	rs = (size_t)(r >> (64 - RECENT_BITS));
	if (t->recent == NULL) {
		t->recent = xcalloc((size_t)1 << RECENT_BITS,
		    sizeof *t->recent);
		t->recent_key = xcalloc((size_t)1 << RECENT_BITS,
		    sizeof *t->recent_key);
	} else if ((k = t->recent[rs]) != 0 && (packed ?
	    t->recent_key[rs] == key : same_path(&t->p[k - 1], ch, n))) {
		return &t->p[k - 1];
	}
	if (2 * (t->n + 1) > t->nslots)
		table_grow(t);
	h = path_hash(ch, n);
	i = table_probe(t, h, ch, n);
	if (t->slot[i] != 0) {
		k = (size_t)SLOT_NUM(t->slot[i]);
		t->recent[rs] = k;
		t->recent_key[rs] = key;
		return &t->p[k - 1];
	}
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 1024;
		t->p = xreallocarray(t->p, t->cap, sizeof *t->p);
	}
	p = &t->p[t->n];
	memset(p, 0, sizeof *p);
	p->ch = table_mem(t, n * sizeof *ch);
	memcpy(p->ch, ch, n * sizeof *ch);
	p->n = n;
	if (with_td) {
		p->td = table_mem(t, 2 * n * sizeof *p->td);
		p->tdv = p->td + n;
		memset(p->td, 0, 2 * n * sizeof *p->td);
	}
	k = ++t->n;
	t->slot[i] = SLOT_TAG(h) | k;
	t->recent[rs] = k;
	t->recent_key[rs] = key;
	return p;
}

/* A path's place in the sort: its number, and its channels packed a
** byte each plus 1 from the top (0 past its end, so that a prefix comes
** first), when it has at most 8 channels below 255; else KEY is 0. */
struct sort_item {
	uint64_t key;
	size_t i;
};

static int
path_order(const void *a, const void *b, void *ctx)
{
	const struct sort_item *u = a, *v = b;
	const struct attr_path *p = ctx, *x, *y;

	if (u->key != 0 && v->key != 0)
		return u->key < v->key ? -1 : u->key > v->key;
	x = &p[u->i];
	y = &p[v->i];
	for (size_t i = 0; i < x->n && i < y->n; i++)
		if (x->ch[i] != y->ch[i])
			return x->ch[i] < y->ch[i] ? -1 : 1;
	return x->n < y->n ? -1 : x->n > y->n;
}

void
attr_table_sort(struct attr_table *t)
{
	struct sort_item *it = xcalloc(t->n + 1, sizeof *it);
	size_t *ord = xcalloc(t->n + 1, sizeof *ord);

	for (size_t i = 0; i < t->n; i++) {
		const struct attr_path *p = &t->p[i];

		it[i].i = i;
		it[i].key = 0;
		if (p->n > 8)
			continue;
		for (size_t j = 0; j < p->n; j++) {
			if (p->ch[j] >= 255) {
				it[i].key = 0;
				break;
			}
			it[i].key |= (uint64_t)(p->ch[j] + 1) << (56 - 8 * j);
		}
	}
	qsort_r(it, t->n, sizeof *it, path_order, t->p);
	for (size_t i = 0; i < t->n; i++)
		ord[i] = it[i].i;
	free(it);
	/* Apply the permutation in place, cycle by cycle: position i takes
	** the path ord[i]; a done position is marked SIZE_MAX. */
	for (size_t i = 0; i < t->n; i++) {
		struct attr_path keep;
		size_t j = i;

		if (ord[i] == SIZE_MAX || ord[i] == i) {
			ord[i] = SIZE_MAX;
			continue;
		}
		keep = t->p[i];
		while (ord[j] != i) {
			size_t from = ord[j];

			t->p[j] = t->p[from];
			ord[j] = SIZE_MAX;
			j = from;
		}
		t->p[j] = keep;
		ord[j] = SIZE_MAX;
	}
	free(ord);
	/* The slots and the cache hold numbers no more valid. */
	free(t->slot);
	t->slot = NULL;
	t->nslots = 0;
	free(t->recent);
	free(t->recent_key);
	t->recent = NULL;
	t->recent_key = NULL;
}

void
attr_table_free(struct attr_table *t)
{
	while (t->mem != NULL) {
		struct attr_block *b = t->mem;

		t->mem = b->next;
		free(b);
	}
	free(t->p);
	free(t->slot);
	free(t->recent);
	free(t->recent_key);
	memset(t, 0, sizeof *t);
}
