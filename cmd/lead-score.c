/* See LICENSE file for copyright and license details. */
/*
** lead-score: every lead passed through with the score that a rules file
** gives it, its grade, and the points of each group of rules. The rules
** are a CSV that sales and marketing edit together (lead-score(1)):
** group, column, operator, value, points and an optional cap per group;
** "cap" rows cap a group or the total, "grade" rows name grades by the
** least score; "decay" rules give an event's points halved every
** half-life of its age at --asof. Scoring streams through the driver's
** --annotate: one row in, one row out, nothing kept.
*/
#include <math.h>
#include <errno.h>
#include <regex.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "../lib/date.h"
#include "../lib/leadtool.h"
#include "../lib/litre.h"
#include "../lib/logit.h"
#include "../lib/num.h"
#include "../lib/scoreeval.h"
#include "../lib/stats.h"
#include "../lib/util.h"

enum { OPT_RULES = OPT_TOOL, OPT_CAP, OPT_HALF_LIFE, OPT_GRADES, OPT_FIT,
	OPT_OUTCOME, OPT_X, OPT_FACTOR, OPT_L2, OPT_FIT_STATS, OPT_SPLIT_AT,
	OPT_SAVE_MODEL, OPT_PREDICT, OPT_EVALUATE, OPT_GAINS, OPT_CALIBRATION,
	OPT_GROUPS };

static const struct tool_option tool_options[] = {
	{ "rules", "FILE", OPT_RULES, "the scoring rules: a CSV of group, "
	    "column, operator, value, points[, cap] (required)" },
	{ "cap", "POINTS", OPT_CAP, "the most points a lead scores in all "
	    "(or a cap row of the rules without a group)" },
	{ "half-life", "DAYS", OPT_HALF_LIFE, "decay rules without their own: "
	    "an event's points halve every DAYS of its age at --asof" },
	{ "grades", "LIST", OPT_GRADES, "grades by least score, e.g. "
	    "A=80,B=50,C=0 (or grade rows of the rules)" },
	{ "fit", "MODEL", OPT_FIT, "instead of rules: fit MODEL (logit) of the "
	    "outcome on --x and --factor, and write its coefficients" },
	{ "outcome", "COL", OPT_OUTCOME, "with --fit: the outcome, 0 or 1 "
	    "(default: reached the last stage, within --window days)" },
	{ "x", "COL[,COL...]", OPT_X | OPT_REPEAT, "with --fit: numeric "
	    "predictors" },
	{ "factor", "COL[,COL...]", OPT_FACTOR | OPT_REPEAT, "with --fit: "
	    "categorical predictors, against their first level" },
	{ "l2", "LAMBDA", OPT_L2, "with --fit: ridge penalty LAMBDA/2 times the "
	    "sum of squared coefficients (default 0)" },
	{ "fit-stats", NULL, OPT_FIT_STATS, "with --fit: write the deviances, "
	    "AIC and counts instead of the coefficients" },
	{ "split-at", "DATE", OPT_SPLIT_AT, "with --fit: fit on the leads "
	    "created before DATE, and measure the fit on the rest" },
	{ "save-model", "FILE", OPT_SAVE_MODEL, "with --fit: write the model "
	    "to FILE, for --predict" },
	{ "predict", "FILE", OPT_PREDICT, "instead of rules: each row with the "
	    "score of the model in FILE (from --save-model)" },
	{ "evaluate", "COL[,COL]", OPT_EVALUATE, "instead of rules: how well "
	    "the score COL tells the outcome (AUC, KS, Brier, Hosmer-Lemeshow); "
	    "two: compared" },
	{ "gains", NULL, OPT_GAINS, "with --evaluate: the gains table by "
	    "--groups instead" },
	{ "calibration", NULL, OPT_CALIBRATION, "with --evaluate: the "
	    "calibration table by --groups instead" },
	{ "groups", "N", OPT_GROUPS, "with --evaluate: groups of the tables and "
	    "of Hosmer-Lemeshow (default 10, deciles)" },
	{ 0 }
};

enum op { OP_EQ, OP_NE, OP_IN, OP_LT, OP_LE, OP_GT, OP_GE, OP_BETWEEN,
	OP_MATCHES, OP_DECAY, OP_CAP, OP_GRADE };

static const char *const op_names[] = { "=", "!=", "in", "<", "<=", ">",
	">=", "between", "matches", "decay", "cap", "grade", NULL };

/* One rule: a test of a column's value that gives points when it holds. */
struct rule {
	unsigned long line;         /* its line in the rules file */
	size_t group;               /* index into config.groups */
	char *column;               /* the header it reads */
	long col;                   /* its index in the current file; -1
	                               when only a --join file has it */
	int time;                   /* --join: the lead's time (leads_time_of())
	                               it reads, which a joined file may fill
	                               in; else -1 */
	enum op op;
	char *text;                 /* =, !=: the value, trimmed */
	size_t textlen;
	char **items;               /* in: the values between '|', trimmed */
	size_t *itemlen;
	size_t nitems;
	double lo, hi;              /* <, <=, >, >=: lo; between: lo..hi */
	regex_t re;                 /* matches */
	struct litre lit;           /* matches: the pattern, when it is only
	                               words (lib/litre.h), else empty */
	int use_lit;
	int empty_holds;            /* matches: whether it holds on "" */
	double half_life;           /* decay: in days; 0: --half-life's */
	double points;
};

struct rgroup {
	char *name;
	double cap;                 /* the most points of the group; */
	unsigned long cap_line;     /* 0: no cap */
	double sum;                 /* the current lead's points */
};

struct grade {
	char *name;
	double min;                 /* the least score of the grade */
};

struct config {
	const char *rules_path;     /* --rules */
	double cap;                 /* the total cap: --cap or a cap row; */
	int has_cap;                /* 0: none */
	unsigned long cap_line;     /* the cap row's line; 0: --cap or none */
	double half_life;           /* --half-life; 0 without */
	const char *grades_arg;     /* --grades, or NULL */
	const char *fit;            /* --fit, or NULL */
	const char *outcome;        /* --outcome, or NULL */
	char **x;                   /* --x's columns */
	size_t nx;
	char **factor;              /* --factor's columns */
	size_t nfactor;
	double l2;                  /* --l2 */
	int fit_stats;              /* --fit-stats */
	const char *split_at;       /* --split-at as given, or NULL */
	const char *save_model;     /* --save-model, or NULL */
	const char *predict;        /* --predict, or NULL */
	int evaluate;               /* --evaluate: its columns are x[] */
	int gains, calibration;     /* --gains, --calibration */
	size_t ngroups_eval;        /* --groups; 0 without */
	const char *x_label;        /* how messages name x[]: "--x" */
	struct rule *rules;
	size_t nrules;
	struct rgroup *groups;
	size_t ngroups;
	struct grade *grades;       /* by min, highest first */
	size_t ngrades;
	unsigned long grade_line;   /* the first grade row's; 0: none */
	const char **cols;          /* score, grade, points_GROUP..., NULL */
	double score;               /* the current lead's */
	struct strbuf text;         /* a field NUL-terminated for regexec() */
};

/* Add the comma-separated column names of ARG (option NAME) to *LIST of
** N; returns the new N. An empty name is a usage error. */
static size_t
add_list(char ***list, size_t n, const char *name, const char *arg)
{
	for (const char *s = arg;;) {
		const char *comma = strchr(s, ',');
		size_t len = comma ? (size_t)(comma - s) : strlen(s);

		if (len == 0)
			usage_error("--%s: '%s' has an empty column name", name, arg);
		*list = xreallocarray(*list, n + 1, sizeof **list);
		(*list)[n++] = xmemdup(s, len);
		if (comma == NULL)
			return n;
		s = comma + 1;
	}
}

static void
handle_option(void *ctx, int key, const char *arg)
{
	struct config *cfg = ctx;

	switch (key) {
	case OPT_RULES:
		cfg->rules_path = arg;
		break;
	case OPT_CAP:
		cfg->cap = opt_double("cap", arg, -1e15, 1e15);
		cfg->has_cap = 1;
		break;
	case OPT_HALF_LIFE:
		cfg->half_life = opt_double("half-life", arg, 0, 1e6);
		if (cfg->half_life <= 0)
			usage_error("--half-life: '%s': a half-life is a number of "
			    "days above 0", arg);
		break;
	case OPT_GRADES:
		cfg->grades_arg = arg;
		break;
	case OPT_FIT:
		if (strcmp(arg, "logit") != 0)
			usage_error("--fit: '%s': the model is logit", arg);
		cfg->fit = arg;
		break;
	case OPT_OUTCOME:
		cfg->outcome = arg;
		break;
	case OPT_X:
		cfg->nx = add_list(&cfg->x, cfg->nx, "x", arg);
		break;
	case OPT_FACTOR:
		cfg->nfactor = add_list(&cfg->factor, cfg->nfactor, "factor", arg);
		break;
	case OPT_L2:
		cfg->l2 = opt_double("l2", arg, 0, 1e12);
		break;
	case OPT_FIT_STATS:
		cfg->fit_stats = 1;
		break;
	case OPT_SPLIT_AT:
		cfg->split_at = arg;
		break;
	case OPT_SAVE_MODEL:
		cfg->save_model = arg;
		break;
	case OPT_PREDICT:
		cfg->predict = arg;
		break;
	case OPT_EVALUATE:
		cfg->nx = add_list(&cfg->x, cfg->nx, "evaluate", arg);
		if (cfg->nx > 2)
			usage_error("--evaluate: '%s': one score, or two to compare",
			    arg);
		cfg->evaluate = 1;
		break;
	case OPT_GAINS:
		cfg->gains = 1;
		break;
	case OPT_CALIBRATION:
		cfg->calibration = 1;
		break;
	case OPT_GROUPS:
		cfg->ngroups_eval = (size_t)opt_int("groups", arg, 3, 1000);
		break;
	}
}

/* S (LEN bytes) without the spaces and tabs around it: *LEN updated. */
static const char *
trim(const char *s, size_t *len)
{
	while (*len > 0 && (*s == ' ' || *s == '\t'))
		s++, (*len)--;
	while (*len > 0 && (s[*len - 1] == ' ' || s[*len - 1] == '\t'))
		(*len)--;
	return s;
}

/* Field F of ROW trimmed, as a new string. */
static char *
field_dup(const struct row *row, long col)
{
	size_t len;
	const char *s;

	if (col < 0 || (size_t)col >= row->n)
		return xstrdup("");
	len = row->f[col].len;
	s = trim(row->f[col].s, &len);
	return xmemdup(s, len);
}

/*
** The number S of the rules file RULES, line LINE, in its field WHAT, or
** die: a plain decimal (num_parse()), finite.
*/
static double
rules_number(const char *rules, unsigned long line, const char *what,
    const char *s)
{
	double x;
	char esc[ESCAPED_MAX];

	if (num_parse(s, strlen(s), &x) != NULL || !isfinite(x))
		die(EX_DATAERR, "%s:%lu: %s '%s' is not a number", rules, line,
		    what, escape_text(esc, sizeof esc, s, strlen(s)));
	return x;
}

/* The index of group NAME, added if new. */
static size_t
group_index(struct config *cfg, const char *name)
{
	for (size_t g = 0; g < cfg->ngroups; g++)
		if (strcmp(cfg->groups[g].name, name) == 0)
			return g;
	cfg->groups = xreallocarray(cfg->groups, cfg->ngroups + 1,
	    sizeof *cfg->groups);
	cfg->groups[cfg->ngroups] = (struct rgroup){ xstrdup(name), 0, 0, 0 };
	return cfg->ngroups++;
}

/* Cap group G (of the rules' line LINE) at CAP: two different caps of
** one group are an error. */
static void
group_cap(struct config *cfg, size_t g, double cap, unsigned long line)
{
	struct rgroup *gr = &cfg->groups[g];
	char a[NUM_BUFSIZE], b[NUM_BUFSIZE];

	if (gr->cap_line != 0 && gr->cap != cap)
		die(EX_DATAERR, "%s:%lu: group '%s' is capped at %s here and at "
		    "%s on line %lu", cfg->rules_path, line, gr->name,
		    num_format(a, cap, 6), num_format(b, gr->cap, 6),
		    gr->cap_line);
	gr->cap = cap;
	gr->cap_line = line;
}

/* Add grade NAME=MIN; SRC and LINE say where it came from for messages
** (LINE 0: --grades). */
static void
grade_add(struct config *cfg, const char *item, size_t len, const char *src,
    unsigned long line)
{
	const char *eq = memchr(item, '=', len);
	char esc[ESCAPED_MAX], where[64];
	struct grade g;
	size_t nlen;
	const char *name;

	if (line != 0)
		snprintf(where, sizeof where, ":%lu", line);
	else
		where[0] = '\0';
	nlen = eq != NULL ? (size_t)(eq - item) : 0;
	name = trim(item, &nlen);
	if (eq == NULL || nlen == 0) {
		escape_text(esc, sizeof esc, item, len);
		if (line == 0)
			usage_error("--grades: '%s' is not NAME=LEAST_SCORE", esc);
		die(EX_DATAERR, "%s%s: grade '%s' is not NAME=LEAST_SCORE", src,
		    where, esc);
	}
	{
		size_t vlen = len - (size_t)(eq + 1 - item);
		const char *v = trim(eq + 1, &vlen);

		if (num_parse(v, vlen, &g.min) != NULL || !isfinite(g.min)) {
			escape_text(esc, sizeof esc, item, len);
			if (line == 0)
				usage_error("--grades: '%s': the least score is not "
				    "a number", esc);
			die(EX_DATAERR, "%s%s: grade '%s': the least score is not a "
			    "number", src, where, esc);
		}
	}
	g.name = xmemdup(name, nlen);
	for (size_t i = 0; i < cfg->ngrades; i++)
		if (strcmp(cfg->grades[i].name, g.name) == 0 ||
		    cfg->grades[i].min == g.min) {
			escape_text(esc, sizeof esc, item, len);
			free(g.name);
			if (line == 0)
				usage_error("--grades: '%s': each grade needs its own "
				    "name and least score", esc);
			die(EX_DATAERR, "%s%s: grade '%s': each grade needs its own "
			    "name and least score", src, where, esc);
		}
	cfg->grades = xreallocarray(cfg->grades, cfg->ngrades + 1,
	    sizeof *cfg->grades);
	cfg->grades[cfg->ngrades++] = g;
}

static int
grade_cmp(const void *a, const void *b)
{
	const struct grade *x = a, *y = b;

	return (x->min < y->min) - (x->min > y->min);
}

/* Split S of rule R at '|' into R->items, each trimmed. */
static void
split_items(struct rule *r, const char *s)
{
	for (;;) {
		const char *bar = strchr(s, '|');
		size_t len = bar != NULL ? (size_t)(bar - s) : strlen(s);
		const char *t = trim(s, &len);

		r->items = xreallocarray(r->items, r->nitems + 1,
		    sizeof *r->items);
		r->itemlen = xreallocarray(r->itemlen, r->nitems + 1,
		    sizeof *r->itemlen);
		r->itemlen[r->nitems] = len;
		r->items[r->nitems++] = xmemdup(t, len);
		if (bar == NULL)
			break;
		s = bar + 1;
	}
}

/* The operator and value of rule R (from line LINE), checked. */
static void
rule_value(struct config *cfg, struct rule *r, const char *value)
{
	const char *path = cfg->rules_path;
	char esc[ESCAPED_MAX];
	int rc;

	switch (r->op) {
	case OP_EQ:
	case OP_NE:
		r->text = xstrdup(value);
		r->textlen = strlen(value);
		break;
	case OP_IN:
		split_items(r, value);
		break;
	case OP_LT:
	case OP_LE:
	case OP_GT:
	case OP_GE:
		r->lo = rules_number(path, r->line, "value", value);
		break;
	case OP_BETWEEN: {
		const char *dots = strstr(value, "..");
		char *lo, *hi;

		if (dots == NULL)
			die(EX_DATAERR, "%s:%lu: between '%s' is not LOW..HIGH",
			    path, r->line, escape_text(esc, sizeof esc, value,
			    strlen(value)));
		lo = xmemdup(value, (size_t)(dots - value));
		hi = xstrdup(dots + 2);
		{
			size_t ll = strlen(lo), hl = strlen(hi);
			const char *l = trim(lo, &ll), *h = trim(hi, &hl);
			char *l2 = xmemdup(l, ll), *h2 = xmemdup(h, hl);

			r->lo = rules_number(path, r->line, "value", l2);
			r->hi = rules_number(path, r->line, "value", h2);
			free(l2);
			free(h2);
		}
		free(lo);
		free(hi);
		if (r->lo > r->hi)
			die(EX_DATAERR, "%s:%lu: between '%s': the low end is above "
			    "the high end", path, r->line, escape_text(esc,
			    sizeof esc, value, strlen(value)));
		break;
	}
	case OP_MATCHES:
		rc = regcomp(&r->re, value, REG_EXTENDED | REG_NOSUB);
		if (rc != 0) {
			char why[256];

			regerror(rc, &r->re, why, sizeof why);
			die(EX_DATAERR, "%s:%lu: regular expression '%s': %s", path,
			    r->line, escape_text(esc, sizeof esc, value,
			    strlen(value)), why);
		}
		/*
		 * Answers worked out once: the empty field's (most notes are
		 * empty), and, for a pattern of plain words, a substring test
		 * in place of regexec()'s set-up on every row.
		 */
		r->empty_holds = regexec(&r->re, "", 0, NULL, 0) == 0;
		r->use_lit = litre_compile(&r->lit, value);
		break;
	case OP_DECAY:
		if (*value != '\0') {
			r->half_life = rules_number(path, r->line, "half-life",
			    value);
			if (r->half_life <= 0)
				die(EX_DATAERR, "%s:%lu: half-life '%s' is not a number "
				    "of days above 0", path, r->line, escape_text(esc,
				    sizeof esc, value, strlen(value)));
		} else if (cfg->half_life <= 0)
			die(EX_DATAERR, "%s:%lu: a decay rule needs a half-life: "
			    "give it as the value or give --half-life", path,
			    r->line);
		else
			r->half_life = cfg->half_life;
		break;
	default:
		break;
	}
}

/* A "cap" or "grade" row (no column, no points): GROUP, VALUE. */
static void
directive(struct config *cfg, enum op op, unsigned long line,
    const char *group, const char *value)
{
	if (op == OP_GRADE) {
		if (*group != '\0')
			die(EX_DATAERR, "%s:%lu: a grade row has no group",
			    cfg->rules_path, line);
		if (cfg->grades_arg != NULL)
			usage_error("grades are in %s:%lu and in --grades: give them "
			    "in one place", cfg->rules_path, line);
		if (cfg->grade_line == 0)
			cfg->grade_line = line;
		grade_add(cfg, value, strlen(value), cfg->rules_path, line);
		return;
	}
	if (*group != '\0') {
		group_cap(cfg, group_index(cfg, group), rules_number(
		    cfg->rules_path, line, "cap", value), line);
		return;
	}
	if (cfg->has_cap && cfg->cap_line == 0)
		usage_error("the total cap is in %s:%lu and in --cap: give it in "
		    "one place", cfg->rules_path, line);
	if (cfg->has_cap)
		die(EX_DATAERR, "%s:%lu: a second total cap (the first is on line "
		    "%lu)", cfg->rules_path, line, cfg->cap_line);
	cfg->cap = rules_number(cfg->rules_path, line, "cap", value);
	cfg->has_cap = 1;
	cfg->cap_line = line;
}

/* Read the rules file into CFG, or die naming its line. */
static void
load_rules(struct config *cfg)
{
	static const char *const need[] = { "group", "column", "operator",
	    "value", "points" };
	const char *path = cfg->rules_path;
	struct rd_opts ro = { 0 };
	struct reader *r = rd_open_or_die(path, &ro);
	const struct row *row;
	long col[6];
	int rc;

	if (rd_failed(r))
		rd_die(r);
	for (size_t i = 0; i < 5; i++)
		if ((col[i] = rd_col(r, need[i])) < 0)
			die(EX_DATAERR, "%s: the rules need the columns group, "
			    "column, operator, value and points (and may have "
			    "cap); '%s' is not there", rd_name(r), need[i]);
	col[5] = rd_col(r, "cap");
	while ((rc = rd_next(r, &row)) > 0) {
		char *f[6];
		struct rule ru = { 0 };
		size_t o;

		for (size_t i = 0; i < 6; i++)
			f[i] = field_dup(row, col[i]);
		ru.line = row->line;
		for (o = 0; op_names[o] != NULL; o++)
			if (strcmp(f[2], op_names[o]) == 0)
				break;
		if (op_names[o] == NULL) {
			char esc[ESCAPED_MAX];

			die(EX_DATAERR, "%s:%lu: operator '%s' is not one of =, !=, "
			    "in, <, <=, >, >=, between, matches, decay, cap, grade",
			    rd_name(r), ru.line, escape_text(esc, sizeof esc, f[2],
			    strlen(f[2])));
		}
		ru.op = (enum op)o;
		if (ru.op == OP_CAP || ru.op == OP_GRADE) {
			if (*f[1] != '\0' || *f[4] != '\0' || *f[5] != '\0')
				die(EX_DATAERR, "%s:%lu: a %s row has its number in "
				    "value, and no column, points or cap", rd_name(r),
				    ru.line, f[2]);
			directive(cfg, ru.op, ru.line, f[0], f[3]);
		} else {
			if (*f[0] == '\0' || *f[1] == '\0')
				die(EX_DATAERR, "%s:%lu: a rule needs a group and a "
				    "column", rd_name(r), ru.line);
			ru.group = group_index(cfg, f[0]);
			ru.column = xstrdup(f[1]);
			ru.points = rules_number(path, ru.line, "points", f[4]);
			if (*f[5] != '\0')
				group_cap(cfg, ru.group, rules_number(path, ru.line,
				    "cap", f[5]), ru.line);
			rule_value(cfg, &ru, f[3]);
			cfg->rules = xreallocarray(cfg->rules, cfg->nrules + 1,
			    sizeof *cfg->rules);
			cfg->rules[cfg->nrules++] = ru;
		}
		for (size_t i = 0; i < 6; i++)
			free(f[i]);
	}
	if (rc < 0)
		rd_die(r);
	if (cfg->nrules == 0)
		die(EX_DATAERR, "%s: no rules", rd_name(r));
	rd_close(r);
}

static void
setup(struct lead_run *run)
{
	struct config *cfg = run->cfg;
	size_t n;

	if (cfg->outcome != NULL || cfg->nx + cfg->nfactor > 0 ||
	    cfg->l2 > 0 || cfg->fit_stats || cfg->split_at != NULL ||
	    cfg->save_model != NULL || cfg->gains || cfg->calibration ||
	    cfg->ngroups_eval > 0)
		usage_error("--outcome, --x, --factor, --l2, --fit-stats, "
		    "--split-at and --save-model go with --fit; --gains, "
		    "--calibration and --groups with --evaluate");
	if (run->o->leads.window_days >= 0)
		usage_error("--window makes the outcome of --fit: rules do not "
		    "use it");
	if (cfg->rules_path == NULL)
		usage_error("give the rules: --rules FILE");
	if (strcmp(cfg->rules_path, "-") == 0)
		for (size_t k = 0; k < run->o->nfiles; k++)
			if (run->o->files[k] == NULL ||
			    strcmp(run->o->files[k], "-") == 0)
				usage_error("--rules -: standard input is the leads "
				    "table already");
	load_rules(cfg);
	if (cfg->grades_arg != NULL) {
		const char *s = cfg->grades_arg;

		for (;;) {
			const char *comma = strchr(s, ',');
			size_t len = comma ? (size_t)(comma - s) : strlen(s);

			grade_add(cfg, s, len, "--grades", 0);
			if (comma == NULL)
				break;
			s = comma + 1;
		}
	}
	if (cfg->ngrades > 1)
		qsort(cfg->grades, cfg->ngrades, sizeof *cfg->grades, grade_cmp);
	for (size_t i = 0; i < cfg->nrules; i++)
		if (cfg->rules[i].op == OP_DECAY && run->leads->asof == NO_TIME)
			usage_error("the decay rule of %s:%lu ages its events to "
			    "--asof: give --asof", cfg->rules_path,
			    cfg->rules[i].line);
	n = cfg->ngroups;
	cfg->cols = xcalloc(n + 3, sizeof *cfg->cols);
	cfg->cols[0] = "score";
	cfg->cols[1] = "grade";
	for (size_t g = 0; g < n; g++) {
		struct strbuf sb = { 0 };

		sb_printf(&sb, "points_%s", cfg->groups[g].name);
		cfg->cols[g + 2] = sb.s;
	}
}

/*
** With --join, which lead time rule RU reads, when a joined file has it:
** the joined files hold times, not text, so only a decay rule can take
** one; the rule of any other operator on such a column is an error.
*/
static void
bind_joined(const struct lead_run *run, struct rule *ru, const char *esc)
{
	const struct config *cfg = run->cfg;
	const struct leads *l = run->leads;
	int t;

	ru->time = -1;
	if (l->join == NULL || (t = leads_time_of(l, ru->column)) < 0 ||
	    !join_has_time(join_view_join(l->join), (size_t)t))
		return;
	if (ru->op != OP_DECAY)
		die(EX_DATAERR, "%s:%lu: column '%s' is a time that --join fills "
		    "in, and only a decay rule reads a time: a joined file "
		    "gives the instant, not the text", cfg->rules_path, ru->line,
		    esc);
	ru->time = t;
}

/* Each rule's column in R, or die naming the rule's line. */
static void
annotate_bind(const struct lead_run *run, struct reader *r)
{
	struct config *cfg = run->cfg;

	for (size_t i = 0; i < cfg->nrules; i++) {
		struct rule *ru = &cfg->rules[i];
		const struct row *h = rd_header(r);
		char esc[ESCAPED_MAX];

		ru->col = rd_col(r, ru->column);
		escape_text(esc, sizeof esc, ru->column, strlen(ru->column));
		if (ru->col == RD_AMBIGUOUS)
			die(EX_DATAERR, "%s:%lu: column '%s' is in %s more than "
			    "once: name one as '%s#N'", cfg->rules_path, ru->line,
			    esc, rd_name(r), esc);
		bind_joined(run, ru, esc);
		if (ru->col < 0 && ru->time >= 0) {
			ru->col = -1;       /* the joined files have it */
		} else if (ru->col < 0) {
			struct strbuf have = { 0 };

			for (size_t c = 0; c < h->n && have.len < 200; c++)
				sb_printf(&have, "%s%.*s", c ? ", " : "",
				    (int)h->f[c].len, h->f[c].s);
			die(EX_DATAERR, "%s:%lu: no column '%s' in %s (its columns: "
			    "%s)", cfg->rules_path, ru->line, esc, rd_name(r),
			    have.s != NULL ? have.s : "");
		}
	}
}

/* The number of field F (trimmed, not empty) into *X: 0, or -1 after
** rd_bad(). */
static int
field_number(const struct config *cfg, struct reader *r,
    const struct row *row, const struct rule *ru, const char *s, size_t len,
    double *x)
{
	char esc[ESCAPED_MAX];

	if (num_parse(s, len, x) != NULL || !isfinite(*x))
		return rd_bad(r, row, ru->col, "'%s' is not a number (the rule of "
		    "%s:%lu compares numbers)", escape_text(esc, sizeof esc, s,
		    len), cfg->rules_path, ru->line);
	return 0;
}

/* A decay rule RU's points for its event at T: 2^(-age / half-life) of
** them at --asof; none for an event after it. */
static double
decay_points(const struct lead_run *run, const struct rule *ru, kpi_time t)
{
	kpi_time asof = run->leads->asof;

	if (t > asof)
		return 0;
	return ru->points * exp2(-days_between(t, asof) / ru->half_life);
}

/*
** The points rule RU gives ROW: its points when it holds, else 0; a
** decay rule's points times 2^(-age / half-life). -1 after rd_bad().
** Text operators see an empty field as the text ""; number and date
** operators never hold on one. With --join, a decay rule's time that a
** joined file filled in is the lead's (join_time()).
*/
static int
rule_points(const struct lead_run *run, struct reader *r,
    const struct row *row, const struct rule *ru, double *pts)
{
	struct config *cfg = run->cfg;
	size_t len;
	const char *s;
	int hold = 0;
	double x;
	kpi_time t;

	*pts = 0;
	if (ru->time >= 0 && join_time(run->leads->join, (size_t)ru->time,
	    &t)) {
		*pts = decay_points(run, ru, t);
		return 0;
	}
	if (ru->col < 0)            /* only the joined files have it */
		return 0;
	len = row->f[ru->col].len;
	s = trim(row->f[ru->col].s, &len);
	switch (ru->op) {
	case OP_EQ:
	case OP_NE:
		hold = ru->textlen == len && memcmp(ru->text, s, len) == 0;
		if (ru->op == OP_NE)
			hold = !hold;
		break;
	case OP_IN:
		for (size_t i = 0; i < ru->nitems && !hold; i++)
			hold = ru->itemlen[i] == len &&
			    memcmp(ru->items[i], s, len) == 0;
		break;
	case OP_LT:
	case OP_LE:
	case OP_GT:
	case OP_GE:
	case OP_BETWEEN:
		if (len == 0)
			return 0;
		if (field_number(cfg, r, row, ru, s, len, &x) < 0)
			return -1;
		hold = ru->op == OP_LT ? x < ru->lo : ru->op == OP_LE ?
		    x <= ru->lo : ru->op == OP_GT ? x > ru->lo : ru->op == OP_GE ?
		    x >= ru->lo : x >= ru->lo && x <= ru->hi;
		break;
	case OP_MATCHES:
		if (len == 0) {
			hold = ru->empty_holds;
			break;
		}
		if (ru->use_lit) {
			hold = litre_match(&ru->lit, s, len);
			break;
		}
		sb_reset(&cfg->text);
		sb_add(&cfg->text, s, len);
		sb_addc(&cfg->text, '\0');
		hold = regexec(&ru->re, cfg->text.s, 0, NULL, 0) == 0;
		break;
	case OP_DECAY: {
		const char *why;

		if (len == 0)
			return 0;
		if ((why = date_parse(s, len, &run->o->dates, &t)) != NULL)
			return rd_bad_date(r, row, ru->col, s, len, why);
		*pts = decay_points(run, ru, t);
		return 0;
	}
	default:
		break;
	}
	if (hold)
		*pts = ru->points;
	return 0;
}

/* Score ROW into CFG: each group's points within its cap, their sum
** within the total cap. Every lead is placed. */
static int
place(const struct lead_run *run, struct reader *r, const struct row *row,
    const struct lead *d, kpi_time *when)
{
	struct config *cfg = run->cfg;
	double pts;

	(void)d;
	(void)when;
	for (size_t g = 0; g < cfg->ngroups; g++)
		cfg->groups[g].sum = 0;
	for (size_t i = 0; i < cfg->nrules; i++) {
		if (rule_points(run, r, row, &cfg->rules[i], &pts) < 0)
			return -1;
		cfg->groups[cfg->rules[i].group].sum += pts;
	}
	cfg->score = 0;
	for (size_t g = 0; g < cfg->ngroups; g++) {
		struct rgroup *gr = &cfg->groups[g];

		if (gr->cap_line != 0 && gr->sum > gr->cap)
			gr->sum = gr->cap;
		cfg->score += gr->sum;
	}
	if (cfg->has_cap && cfg->score > cfg->cap)
		cfg->score = cfg->cap;
	return 1;
}

/* The score, the grade (the first whose least score it reaches; empty
** below them all or without grades), each group's points. */
static void
annotate(const struct lead_run *run, struct writer *w, const struct lead *d,
    int placed)
{
	const struct config *cfg = run->cfg;
	size_t i;

	(void)d;
	(void)placed;
	wr_num(w, cfg->score);
	for (i = 0; i < cfg->ngrades; i++)
		if (cfg->score >= cfg->grades[i].min)
			break;
	wr_str(w, i < cfg->ngrades ? cfg->grades[i].name : "");
	for (size_t g = 0; g < cfg->ngroups; g++)
		wr_num(w, cfg->groups[g].sum);
}

static const char *const *
annotate_cols(const struct lead_run *run)
{
	return ((const struct config *)run->cfg)->cols;
}

/* The driver wants a tally; lead-score only annotates, so it stays
** empty and is never written. */
struct tally {
	uint64_t leads;
};

static const struct tally_field tally_fields[] = {
	{ "leads", TALLY_COUNT, offsetof(struct tally, leads) },
	{ NULL, 0, 0 },
};

static void
add(const struct lead_run *run, void *tally, const struct lead *d, int top)
{
	(void)run;
	(void)tally;
	(void)d;
	(void)top;
}

static void
header(const struct lead_run *run, struct writer *w)
{
	(void)run;
	(void)w;
}

static void
write_tally(const struct lead_run *run, struct writer *w, void *tally,
    const struct lead_key *key)
{
	(void)run;
	(void)w;
	(void)tally;
	(void)key;
}

static void
free_config(struct config *cfg)
{
	for (size_t i = 0; i < cfg->nrules; i++) {
		struct rule *ru = &cfg->rules[i];

		free(ru->column);
		free(ru->text);
		for (size_t k = 0; k < ru->nitems; k++)
			free(ru->items[k]);
		free(ru->items);
		free(ru->itemlen);
		if (ru->op == OP_MATCHES) {
			regfree(&ru->re);
			litre_free(&ru->lit);
		}
	}
	free(cfg->rules);
	for (size_t g = 0; g < cfg->ngroups; g++) {
		free(cfg->groups[g].name);
		if (cfg->cols != NULL)
			free((char *)cfg->cols[g + 2]);
	}
	free(cfg->groups);
	for (size_t i = 0; i < cfg->ngrades; i++)
		free(cfg->grades[i].name);
	free(cfg->grades);
	free(cfg->cols);
	sb_free(&cfg->text);
	for (size_t j = 0; j < cfg->nx; j++)
		free(cfg->x[j]);
	free(cfg->x);
	for (size_t j = 0; j < cfg->nfactor; j++)
		free(cfg->factor[j]);
	free(cfg->factor);
}

/*
** --fit logit: the rows read into memory (the fit needs them all):
** the outcome, the numeric predictors, each factor's level as an index
** into its levels (in the order first seen; sorted before the design
** matrix is built).
*/
struct fitdata {
	size_t n, cap;
	size_t nhold;               /* --split-at: the rows after the n
	                               fitted, created from it on */
	unsigned char *y;
	double *num;                /* n x nx */
	size_t *lev;                /* n x nfactor */
	kpi_time *created, *reached;  /* the default outcome's dates */
	struct levels {
		char **name;
		size_t n;
	} *levels;                  /* one per factor */
};

/* The index of level S (LEN bytes) of factor F, added if new. */
static size_t
level_index(struct levels *lv, const char *s, size_t len)
{
	for (size_t i = 0; i < lv->n; i++)
		if (strlen(lv->name[i]) == len && memcmp(lv->name[i], s, len) == 0)
			return i;
	lv->name = xreallocarray(lv->name, lv->n + 1, sizeof *lv->name);
	lv->name[lv->n] = xmemdup(s, len);
	return lv->n++;
}

/* Column NAME of R for option OPT, or die with nothing written. */
static long
fit_col(struct reader *r, const char *name, const char *opt)
{
	long c = rd_col(r, name);

	if (c == RD_AMBIGUOUS) {
		rd_fail(r, EX_DATAERR, rd_header(r)->line, "column '%s' (%s) is "
		    "there more than once: name one as '%s#N'", name, opt, name);
		rd_die(r);
	}
	if (c < 0) {
		rd_fail(r, EX_DATAERR, rd_header(r)->line, "no column '%s' (%s)",
		    name, opt);
		rd_die(r);
	}
	return c;
}

/* The default outcome's columns: created_at and the last stage's. */
static void
outcome_columns(const struct kpi_opts *o, char *last, size_t size)
{
	const char *st = o->leads.stages != NULL ? o->leads.stages :
	    "customer";
	const char *comma = strrchr(st, ',');

	snprintf(last, size, "%s_at", comma != NULL ? comma + 1 : st);
}

/*
** Read every row of R into D: 0, or -1 with the error in R. With --join,
** JL (else NULL) reads each row as a lead through the joined tables, and
** the outcome's stage time is the joined one where the row's own column
** is empty or missing (join_time()), read exactly as the joined file has
** it; every other value is the row's own.
*/
static int
fit_read(const struct config *cfg, const struct kpi_opts *o,
    struct reader *r, struct fitdata *d, struct leads *jl)
{
	long ycol = -1, ccol = -1, rcol = -1;
	long *xcol = xcalloc(cfg->nx + 1, sizeof *xcol);
	long *fcol = xcalloc(cfg->nfactor + 1, sizeof *fcol);
	const struct row *row;
	char esc[ESCAPED_MAX], last[128];
	int rc;

	if (cfg->outcome != NULL) {
		ycol = fit_col(r, cfg->outcome, "--outcome");
		if (cfg->split_at != NULL)
			ccol = fit_col(r, "created_at", "--split-at's creation");
	} else {
		outcome_columns(o, last, sizeof last);
		ccol = fit_col(r, "created_at", "the leads' creation");
		/* A joined file may have the outcome's stage instead. */
		if (jl == NULL || (rcol = rd_col(r, last)) == RD_AMBIGUOUS ||
		    (rcol < 0 && !join_has_time(join_view_join(jl->join),
		    jl->st.n - 1)))
			rcol = fit_col(r, last, "the outcome's stage");
	}
	if (jl != NULL && leads_bind(jl, r, NULL) < 0) {
		free(xcol);
		free(fcol);
		return -1;
	}
	for (size_t j = 0; j < cfg->nx; j++)
		xcol[j] = fit_col(r, cfg->x[j], cfg->x_label);
	for (size_t j = 0; j < cfg->nfactor; j++)
		fcol[j] = fit_col(r, cfg->factor[j], "--factor");
	while ((rc = rd_next(r, &row)) > 0) {
		size_t n = d->n, len;
		const char *s;
		int bad = 0, joined;

		if (n == d->cap) {
			d->cap = d->cap ? 2 * d->cap : 1024;
			d->y = xreallocarray(d->y, d->cap, 1);
			d->num = xreallocarray(d->num, d->cap * (cfg->nx + 1),
			    sizeof *d->num);
			d->lev = xreallocarray(d->lev, d->cap * (cfg->nfactor + 1),
			    sizeof *d->lev);
			d->created = xreallocarray(d->created, d->cap,
			    sizeof *d->created);
			d->reached = xreallocarray(d->reached, d->cap,
			    sizeof *d->reached);
		}
		if (ycol >= 0) {
			len = row->f[ycol].len;
			s = trim(row->f[ycol].s, &len);
			if (len != 1 || (*s != '0' && *s != '1')) {
				rd_bad(r, row, ycol, "'%s' is not 0 or 1 (the outcome)",
				    escape_text(esc, sizeof esc, s, len));
				continue;
			}
			d->y[n] = *s == '1';
		}
		if (ccol >= 0) {
			const char *why;

			d->reached[n] = NO_TIME;
			len = row->f[ccol].len;
			s = trim(row->f[ccol].s, &len);
			if ((why = date_parse(s, len, &o->dates, &d->created[n])) !=
			    NULL) {
				rd_bad_date(r, row, ccol, s, len, why);
				continue;
			}
		}
		if (jl != NULL) {
			struct lead ld;

			/* The joined values, and the disagreements between them
			 * and the row's, as every leads tool has them. */
			if (leads_decode(jl, r, row, &ld) < 0)
				continue;
			join_keep(jl->join);
		}
		/* The joined time, where the row has none; else the row's. */
		joined = jl != NULL && join_time(jl->join, jl->st.n - 1,
		    &d->reached[n]);
		if (!joined && rcol >= 0) {
			const char *why;

			len = row->f[rcol].len;
			s = trim(row->f[rcol].s, &len);
			if (len > 0 && (why = date_parse(s, len, &o->dates,
			    &d->reached[n])) != NULL) {
				rd_bad_date(r, row, rcol, s, len, why);
				continue;
			}
		}
		for (size_t j = 0; j < cfg->nx && !bad; j++) {
			double *v = &d->num[n * cfg->nx + j];

			len = row->f[xcol[j]].len;
			s = trim(row->f[xcol[j]].s, &len);
			if (num_parse(s, len, v) != NULL || !isfinite(*v)) {
				rd_bad(r, row, xcol[j], "'%s' is not a number (%s)",
				    escape_text(esc, sizeof esc, s, len), cfg->x_label);
				bad = 1;
			}
		}
		for (size_t j = 0; j < cfg->nfactor && !bad; j++) {
			len = row->f[fcol[j]].len;
			s = trim(row->f[fcol[j]].s, &len);
			if (len == 0) {
				rd_bad(r, row, fcol[j], "empty: every row needs a level "
				    "of the factor");
				bad = 1;
			} else
				d->lev[n * cfg->nfactor + j] = level_index(
				    &d->levels[j], s, len);
		}
		if (!bad)
			d->n++;
	}
	free(xcol);
	free(fcol);
	return rc;
}

/*
** The default outcome: keep the leads created by --asof (by default the
** latest date of the two columns), less --window days when given; y is
** whether the lead reached the last stage by --asof, and within --window
** days of its creation when given.
*/
static void
fit_outcome(const struct kpi_opts *o, struct fitdata *d, size_t nx,
    size_t nf)
{
	kpi_time asof = o->leads.asof, cut;
	long long win = o->leads.window_days;
	size_t k = 0;

	if (asof == NO_TIME)
		for (size_t i = 0; i < d->n; i++) {
			if (asof == NO_TIME || d->created[i] > asof)
				asof = d->created[i];
			if (d->reached[i] != NO_TIME && d->reached[i] > asof)
				asof = d->reached[i];
		}
	cut = win >= 0 ? asof - win * MS_PER_DAY : asof;
	for (size_t i = 0; i < d->n; i++) {
		kpi_time t = d->reached[i];

		if (d->created[i] > cut)
			continue;
		d->y[k] = t != NO_TIME && t <= asof &&
		    (win < 0 || t - d->created[i] <= win * MS_PER_DAY);
		memmove(&d->num[k * nx], &d->num[i * nx], nx * sizeof *d->num);
		memmove(&d->lev[k * nf], &d->lev[i * nf], nf * sizeof *d->lev);
		d->created[k] = d->created[i];
		k++;
	}
	d->n = k;
}

static int
strp_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
** Die when a single term separates the outcome (its estimate would be
** infinite): a numeric column whose values with outcome 1 all lie on
** one side of (or on) those with outcome 0, a factor level whose rows
** all have one outcome.
*/
static void
separation(const struct config *cfg, const struct fitdata *d)
{
	char a[NUM_BUFSIZE], b[NUM_BUFSIZE];

	for (size_t j = 0; j < cfg->nx; j++) {
		double lo[2] = { HUGE_VAL, HUGE_VAL }, hi[2] = { -HUGE_VAL,
		    -HUGE_VAL };

		for (size_t i = 0; i < d->n; i++) {
			double v = d->num[i * cfg->nx + j];

			lo[d->y[i]] = fmin(lo[d->y[i]], v);
			hi[d->y[i]] = fmax(hi[d->y[i]], v);
		}
		if (hi[0] <= lo[1] || hi[1] <= lo[0]) {
			int up = hi[0] <= lo[1];

			die(EX_DATAERR, "--x %s separates the outcome: every row with "
			    "%s %s %s has outcome %d, every row %s %s has %d, so its "
			    "estimate is infinite; leave it out or give --l2",
			    cfg->x[j], cfg->x[j], up ? "at or above" : "at or below",
			    num_format(a, up ? lo[1] : hi[1], 6), 1,
			    up ? "at or below" : "at or above",
			    num_format(b, up ? hi[0] : lo[0], 6), 0);
		}
	}
	for (size_t j = 0; j < cfg->nfactor; j++) {
		const struct levels *lv = &d->levels[j];

		for (size_t l = 0; l < lv->n; l++) {
			size_t rows = 0, ones = 0;

			for (size_t i = 0; i < d->n; i++)
				if (d->lev[i * cfg->nfactor + j] == l) {
					rows++;
					ones += d->y[i];
				}
			if (ones == 0 || ones == rows)
				die(EX_DATAERR, "--factor %s: level '%s' has outcome %d "
				    "on all its %zu rows, so its estimate is infinite; "
				    "merge it with another level or give --l2",
				    cfg->factor[j], lv->name[l], ones ? 1 : 0, rows);
		}
	}
}

/* The design matrix of D's COUNT rows from FROM: P columns, a column of
** ones first, then the --x values, then each factor's 0/1 columns of its
** levels but the first. */
static double *
design_rows(const struct config *cfg, const struct fitdata *d, size_t from,
    size_t count, size_t p)
{
	double *x = xcalloc(count * p + 1, sizeof *x);

	for (size_t i = from; i < from + count; i++) {
		double *xi = x + (i - from) * p;
		size_t k = 1;

		xi[0] = 1;
		for (size_t j = 0; j < cfg->nx; j++)
			xi[k++] = d->num[i * cfg->nx + j];
		for (size_t j = 0; j < cfg->nfactor; j++) {
			size_t l = d->lev[i * cfg->nfactor + j];

			if (l > 0)
				xi[k + l - 1] = 1;
			k += d->levels[j].n - 1;
		}
	}
	return x;
}

/*
** --split-at: order D's rows so that those created before SPLIT come
** first (D->n of them), the rest after (D->nhold), each in input order.
*/
static void
split_rows(struct fitdata *d, size_t nx, size_t nf, kpi_time split)
{
	size_t n = d->n, k = 0;
	struct fitdata t = { 0 };

	t.y = xcalloc(n + 1, 1);
	t.num = xcalloc(n * nx + 1, sizeof *t.num);
	t.lev = xcalloc(n * nf + 1, sizeof *t.lev);
	t.created = xcalloc(n + 1, sizeof *t.created);
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < n; i++) {
			if ((d->created[i] < split) != (pass == 0))
				continue;
			t.y[k] = d->y[i];
			memcpy(&t.num[k * nx], &d->num[i * nx], nx * sizeof *t.num);
			memcpy(&t.lev[k * nf], &d->lev[i * nf], nf * sizeof *t.lev);
			t.created[k] = d->created[i];
			if (pass == 0)
				d->nhold++;
			k++;
		}
	/* nhold counted the fitted rows: turn it round. */
	d->n = d->nhold;
	d->nhold = n - d->n;
	free(d->y);
	free(d->num);
	free(d->lev);
	free(d->created);
	d->y = t.y;
	d->num = t.num;
	d->lev = t.lev;
	d->created = t.created;
}

/* The terms' names and the design matrix (n x p, a column of ones
** first) of D; checks the outcome and the columns first. */
static double *
design(const struct config *cfg, struct fitdata *d, char ***terms,
    size_t *np)
{
	size_t p = 1 + cfg->nx, ones = 0, k;
	char a[NUM_BUFSIZE];

	if (d->n == 0)
		die(EX_DATAERR, "no rows to fit");
	for (size_t i = 0; i < d->n; i++)
		ones += d->y[i];
	if (ones == 0 || ones == d->n)
		die(EX_DATAERR, "the outcome is %d on all %zu rows: a fit needs "
		    "both outcomes", ones ? 1 : 0, d->n);
	for (size_t j = 0; j < cfg->nx; j++) {
		size_t i;

		for (i = 1; i < d->n; i++)
			if (d->num[i * cfg->nx + j] != d->num[j])
				break;
		if (i == d->n)
			die(EX_DATAERR, "--x %s is %s on every row: a constant "
			    "cannot be told from the intercept", cfg->x[j],
			    num_format(a, d->num[j], 6));
	}
	/* Levels in sorted order: the first is the reference. */
	for (size_t j = 0; j < cfg->nfactor; j++) {
		struct levels *lv = &d->levels[j];
		char **sorted;
		size_t *rank;

		if (lv->n == 1)
			die(EX_DATAERR, "--factor %s is '%s' on every row: a constant "
			    "cannot be told from the intercept", cfg->factor[j],
			    lv->name[0]);
		sorted = xcalloc(lv->n, sizeof *sorted);
		rank = xcalloc(lv->n, sizeof *rank);
		memcpy(sorted, lv->name, lv->n * sizeof *sorted);
		qsort(sorted, lv->n, sizeof *sorted, strp_cmp);
		for (size_t l = 0; l < lv->n; l++)
			for (size_t m = 0; m < lv->n; m++)
				if (sorted[m] == lv->name[l])
					rank[l] = m;
		for (size_t i = 0; i < d->n + d->nhold; i++)
			d->lev[i * cfg->nfactor + j] = rank[d->lev[i *
			    cfg->nfactor + j]];
		memcpy(lv->name, sorted, lv->n * sizeof *sorted);
		free(sorted);
		free(rank);
		p += lv->n - 1;
		/* --split-at: a level must be among the rows fitted. */
		for (size_t l = 0; l < lv->n; l++) {
			size_t i;

			for (i = 0; i < d->n; i++)
				if (d->lev[i * cfg->nfactor + j] == l)
					break;
			if (i == d->n)
				die(EX_DATAERR, "--factor %s: level '%s' is only in the "
				    "leads created from --split-at %s on: the fit has "
				    "nothing to estimate it from", cfg->factor[j],
				    lv->name[l], cfg->split_at);
		}
	}
	if (cfg->l2 == 0)
		separation(cfg, d);
	*terms = xcalloc(p, sizeof **terms);
	(*terms)[0] = xstrdup("(Intercept)");
	k = 1;
	for (size_t j = 0; j < cfg->nx; j++)
		(*terms)[k++] = xstrdup(cfg->x[j]);
	for (size_t j = 0; j < cfg->nfactor; j++)
		for (size_t l = 1; l < d->levels[j].n; l++) {
			struct strbuf sb = { 0 };

			sb_printf(&sb, "%s%s", cfg->factor[j], d->levels[j].name[l]);
			(*terms)[k++] = sb.s;
		}
	*np = p;
	return design_rows(cfg, d, 0, d->n, p);
}

/* The coefficients' table, or with --fit-stats the fit's figures. */
static void
fit_write(const struct config *cfg, const struct kpi_opts *o,
    char **terms, size_t p, size_t n, size_t events, const double *beta,
    const double *cov, const struct logit_stats *st, const double *hold)
{
	struct writer w;
	double z95 = norm_quantile(0.975);

	opts_writer(o, &w);
	if (cfg->fit_stats) {
		wr_str(&w, "statistic");
		wr_str(&w, "value");
		wr_end(&w);
#define STAT(name, v) (wr_str(&w, name), wr_num(&w, (double)(v)), wr_end(&w))
		STAT("rows", n);
		STAT("outcome_1", events);
		STAT("terms", p);
		STAT("deviance", st->deviance);
		STAT("df_residual", n - p);
		STAT("null_deviance", st->null_deviance);
		STAT("df_null", n - 1);
		STAT("aic", st->aic);
		STAT("l2", cfg->l2);
		if (cfg->split_at != NULL) {
			STAT("holdout_rows", hold[0]);
			STAT("holdout_outcome_1", hold[1]);
			STAT("holdout_deviance", hold[0] > 0 ? hold[2] : NAN);
		}
#undef STAT
		return;
	}
	wr_str(&w, "term");
	wr_str(&w, "estimate");
	wr_str(&w, "std_error");
	wr_str(&w, "z");
	wr_str(&w, "p");
	wr_str(&w, "odds_ratio");
	wr_str(&w, "or_lo");
	wr_str(&w, "or_hi");
	wr_end(&w);
	for (size_t j = 0; j < p; j++) {
		double se = sqrt(cov[j * p + j]), z = beta[j] / se;

		wr_str(&w, terms[j]);
		wr_num(&w, beta[j]);
		wr_num(&w, se);
		wr_num(&w, z);
		wr_num(&w, erfc(fabs(z) / sqrt(2)));
		wr_num(&w, exp(beta[j]));
		wr_num(&w, exp(beta[j] - z95 * se));
		wr_num(&w, exp(beta[j] + z95 * se));
		wr_end(&w);
	}
}

/* --save-model FILE: the fitted model as a CSV that --predict reads. */
static void
save_model(const char *path, const struct config *cfg,
    const struct fitdata *d, const double *beta)
{
	FILE *fp = fopen(path, "w");
	struct writer w;
	size_t k = 1;

	if (fp == NULL)
		die(EX_CANTCREAT, "--save-model %s: %s", path, strerror(errno));
	wr_init(&w, fp, 6);
	wr_str(&w, "kind");
	wr_str(&w, "column");
	wr_str(&w, "level");
	wr_str(&w, "estimate");
	wr_end(&w);
	wr_str(&w, "intercept");
	wr_empty(&w);
	wr_empty(&w);
	wr_strf(&w, "%.17g", beta[0]);
	wr_end(&w);
	for (size_t j = 0; j < cfg->nx; j++) {
		wr_str(&w, "x");
		wr_str(&w, cfg->x[j]);
		wr_empty(&w);
		wr_strf(&w, "%.17g", beta[k++]);
		wr_end(&w);
	}
	for (size_t j = 0; j < cfg->nfactor; j++)
		for (size_t l = 0; l < d->levels[j].n; l++) {
			wr_str(&w, "level");
			wr_str(&w, cfg->factor[j]);
			wr_str(&w, d->levels[j].name[l]);
			wr_strf(&w, "%.17g", l == 0 ? 0.0 : beta[k++]);
			wr_end(&w);
		}
	if (ferror(fp) | fclose(fp))
		die(EX_IOERR, "--save-model %s: %s", path, strerror(errno));
}

/* A model read by --predict: the intercept, each numeric column's
** coefficient, each factor's levels and theirs (the reference's 0). */
struct model {
	double b0;
	struct mterm {
		char *col;
		long idx;                /* its column in the current file */
		char **level;            /* a factor's levels; NULL: numeric */
		double *b;               /* their coefficients, or b[0] */
		size_t n;
	} *t;
	size_t nt;
};

/* The term of column COL, KIND x or level, added if new. */
static struct mterm *
model_term(struct model *m, const char *col, int factor)
{
	for (size_t i = 0; i < m->nt; i++)
		if (strcmp(m->t[i].col, col) == 0)
			return &m->t[i];
	m->t = xreallocarray(m->t, m->nt + 1, sizeof *m->t);
	m->t[m->nt] = (struct mterm){ xstrdup(col), -1, NULL, NULL, 0 };
	(void)factor;
	return &m->t[m->nt++];
}

/* Read the model of --save-model from PATH, or die naming its line. */
static void
load_model(const char *path, struct model *m)
{
	static const char *const need[] = { "kind", "column", "level",
	    "estimate" };
	struct rd_opts ro = { 0 };
	struct reader *r = rd_open_or_die(path, &ro);
	const struct row *row;
	long col[4];
	int rc, intercepts = 0;

	if (rd_failed(r))
		rd_die(r);
	for (size_t i = 0; i < 4; i++)
		if ((col[i] = rd_col(r, need[i])) < 0)
			die(EX_DATAERR, "%s: not a model of --save-model: no column "
			    "'%s'", rd_name(r), need[i]);
	while ((rc = rd_next(r, &row)) > 0) {
		char *f[4];
		double b;
		int ok;

		for (size_t i = 0; i < 4; i++)
			f[i] = field_dup(row, col[i]);
		ok = num_parse(f[3], strlen(f[3]), &b) == NULL && isfinite(b);
		if (ok && strcmp(f[0], "intercept") == 0) {
			m->b0 = b;
			intercepts++;
		} else if (ok && strcmp(f[0], "x") == 0 && *f[1] != '\0') {
			struct mterm *t = model_term(m, f[1], 0);

			ok = t->level == NULL && t->n == 0;
			if (ok) {
				t->b = xcalloc(1, sizeof *t->b);
				t->b[0] = b;
				t->n = 1;
			}
		} else if (ok && strcmp(f[0], "level") == 0 && *f[1] != '\0') {
			struct mterm *t = model_term(m, f[1], 1);

			ok = t->n == 0 || t->level != NULL;
			for (size_t l = 0; ok && l < t->n; l++)
				ok = strcmp(t->level[l], f[2]) != 0;
			if (ok) {
				t->level = xreallocarray(t->level, t->n + 1,
				    sizeof *t->level);
				t->b = xreallocarray(t->b, t->n + 1, sizeof *t->b);
				t->level[t->n] = xstrdup(f[2]);
				t->b[t->n++] = b;
			}
		} else
			ok = 0;
		for (size_t i = 0; i < 4; i++)
			free(f[i]);
		if (!ok)
			die(EX_DATAERR, "%s:%lu: not a row of a model of --save-model "
			    "(intercept, x COLUMN or level COLUMN LEVEL, once each, "
			    "and a number)", rd_name(r), row->line);
	}
	if (rc < 0)
		rd_die(r);
	if (intercepts != 1)
		die(EX_DATAERR, "%s: not a model of --save-model: it needs one "
		    "intercept row", rd_name(r));
	rd_close(r);
}

/* The score of ROW under M: 1 / (1 + e^-eta), into *P; 0, or -1 after
** rd_bad(). */
static int
predict_row(const struct model *m, const char *path, struct reader *r,
    const struct row *row, double *p)
{
	double eta = m->b0;
	char esc[ESCAPED_MAX];

	for (size_t i = 0; i < m->nt; i++) {
		const struct mterm *t = &m->t[i];
		size_t len = row->f[t->idx].len, l;
		const char *s = trim(row->f[t->idx].s, &len);
		double v;

		escape_text(esc, sizeof esc, s, len);
		if (t->level == NULL) {
			if (num_parse(s, len, &v) != NULL || !isfinite(v))
				return rd_bad(r, row, t->idx, "'%s' is not a number "
				    "(the model's x)", esc);
			eta += t->b[0] * v;
			continue;
		}
		for (l = 0; l < t->n; l++)
			if (strlen(t->level[l]) == len &&
			    memcmp(t->level[l], s, len) == 0)
				break;
		if (l == t->n)
			return rd_bad(r, row, t->idx, "level '%s' is not one the "
			    "model %s was fitted on", esc, path);
		eta += t->b[l];
	}
	*p = 1 / (1 + exp(-eta));
	return 0;
}

/* lead-score --predict MODEL: each row with the model's score. */
static int
predict_main(const struct lead_tool *tool, struct config *cfg, int argc,
    char **argv)
{
	struct kpi_opts o;
	struct model m = { 0 };
	struct writer w;
	struct strbuf header = { 0 };

	opts_parse(&o, &tool->spec, cfg, argc, argv);
	/* A model scores by the row's own columns, which a joined file
	 * (its times and --by values) cannot give. */
	if (o.njoin > 0)
		usage_error("--join fills in stage times, and --predict scores "
		    "by the model's columns alone, each row's own: join the "
		    "files into one table first");
	if (cfg->fit != NULL || cfg->rules_path != NULL || cfg->outcome ||
	    cfg->nx + cfg->nfactor > 0 || cfg->l2 > 0 || cfg->fit_stats ||
	    cfg->split_at != NULL || cfg->has_cap || cfg->half_life > 0 ||
	    cfg->grades_arg != NULL || cfg->evaluate || cfg->gains ||
	    cfg->calibration || cfg->ngroups_eval > 0 || o.group.nby > 0 ||
	    o.group.period != PERIOD_NONE || o.leads.window_days >= 0)
		usage_error("--predict scores by a saved model alone: give no "
		    "other options of lead-score's");
	load_model(cfg->predict, &m);
	opts_writer(&o, &w);
	for (size_t i = 0; i < o.nfiles; i++) {
		struct reader *r = rd_open_or_die(o.files[i], &o.rd);
		const struct row *h, *row;
		struct strbuf k = { 0 };
		int rc;

		if (rd_failed(r))
			rd_die(r);
		h = rd_header(r);
		for (size_t t = 0; t < m.nt; t++)
			m.t[t].idx = fit_col(r, m.t[t].col, "the model's");
		if (rd_col(r, "score") != RD_NO_COLUMN) {
			rd_fail(r, EX_DATAERR, h->line, "the input already has a "
			    "column 'score'");
			rd_die(r);
		}
		for (size_t c = 0; c < h->n; c++)
			sb_printf(&k, "%.*s\n", (int)h->f[c].len, h->f[c].s);
		if (i == 0) {
			for (size_t c = 0; c < h->n; c++)
				wr_field(&w, h->f[c].s, h->f[c].len);
			wr_str(&w, "score");
			wr_end(&w);
			header = k;
		} else {
			int same = k.len == header.len &&
			    memcmp(k.s, header.s, k.len) == 0;

			sb_free(&k);
			if (!same)
				die(EX_DATAERR, "%s:%lu: the header differs from the "
				    "first file's; scored rows must line up under one "
				    "header", rd_name(r), h->line);
		}
		while ((rc = rd_next(r, &row)) > 0) {
			double p = 0;

			if (predict_row(&m, cfg->predict, r, row, &p) < 0)
				continue;
			for (size_t f = 0; f < row->n; f++)
				wr_field(&w, row->f[f].s, row->f[f].len);
			wr_num(&w, p);
			wr_end(&w);
		}
		if (rc < 0)
			rd_die(r);
		rd_close(r);
	}
	sb_free(&header);
	for (size_t t = 0; t < m.nt; t++) {
		free(m.t[t].col);
		for (size_t l = 0; l < m.t[t].n && m.t[t].level; l++)
			free(m.t[t].level[l]);
		free(m.t[t].level);
		free(m.t[t].b);
	}
	free(m.t);
	opts_free(&o);
	return close_stdout();
}

/* The names of --evaluate's statistics of one score, in output order. */
static const char *const eval_stats[] = { "leads", "converted", "auc",
	"auc_se", "auc_lo", "auc_hi", "ks", "brier", "hl_chi2", "hl_df",
	"hl_p", "hl_groups", "top_lift", NULL };

/* Whether every one of the N values of S is a probability, in [0, 1]. */
static int
probabilities(const double *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!(s[i] >= 0 && s[i] <= 1))
			return 0;
	return 1;
}

/* One gains or calibration row of score NAME. */
static void
gains_write(struct writer *w, const char *name, size_t k,
    const struct gains_row *g, int calib)
{
	wr_str(w, name);
	wr_int(w, (int64_t)k);
	wr_int(w, (int64_t)g->leads);
	wr_int(w, (int64_t)g->converted);
	wr_num(w, g->rate);
	if (calib) {
		wr_num(w, g->mean_score);
	} else {
		wr_num(w, g->cum_captured);
		wr_num(w, g->lift);
		wr_num(w, g->cum_lift);
	}
	wr_num(w, g->min_score);
	wr_num(w, g->max_score);
	wr_end(w);
}

/*
** --evaluate: the scores of D's COUNT rows from FROM against their
** outcomes, by lib/scoreeval.h: the summary (score, statistic, value),
** or with --gains the gains table, with --calibration the calibration
** table, of each score.
*/
static void
evaluate_write(const struct config *cfg, const struct kpi_opts *o,
    const struct fitdata *d, size_t from, size_t count)
{
	size_t nx = cfg->nx, ones = 0, groups = cfg->ngroups_eval;
	double *s[2] = { NULL, NULL };
	const unsigned char *y = d->y + from;
	struct gains_row *rows = xcalloc(groups > 10 ? groups : 10,
	    sizeof *rows);
	struct writer w;

	if (count == 0)
		die(EX_DATAERR, "--evaluate: no leads to evaluate%s",
		    cfg->split_at != NULL ? " created from --split-at on" : "");
	for (size_t i = 0; i < count; i++)
		ones += y[i];
	if (ones == 0 || ones == count)
		die(EX_DATAERR, "--evaluate: the outcome is %d on all %zu leads: "
		    "telling converted from lost needs both", ones ? 1 : 0,
		    count);
	for (size_t j = 0; j < nx; j++) {
		s[j] = xcalloc(count, sizeof *s[j]);
		for (size_t i = 0; i < count; i++)
			s[j][i] = d->num[(from + i) * nx + j];
		if (cfg->calibration && !probabilities(s[j], count))
			die(EX_DATAERR, "--calibration compares probabilities with "
			    "outcomes, and --evaluate %s has values outside 0 to 1",
			    cfg->x[j]);
	}
	opts_writer(o, &w);
	if (cfg->gains || cfg->calibration) {
		wr_str(&w, "score");
		wr_str(&w, "group");
		wr_str(&w, "leads");
		wr_str(&w, "converted");
		wr_str(&w, "rate");
		if (cfg->calibration)
			wr_str(&w, "mean_score");
		else {
			wr_str(&w, "cum_captured");
			wr_str(&w, "lift");
			wr_str(&w, "cum_lift");
		}
		wr_str(&w, "min_score");
		wr_str(&w, "max_score");
		wr_end(&w);
		for (size_t j = 0; j < nx; j++) {
			size_t k;

			if (cfg->calibration) {
				struct hl_test hl;

				hosmer_lemeshow(s[j], y, count, groups, &hl, rows);
				k = hl.groups;
			} else
				k = gains_table(s[j], y, count, groups, rows);
			for (size_t g = 0; g < k; g++)
				gains_write(&w, cfg->x[j], g + 1, &rows[g],
				    cfg->calibration);
		}
	} else {
		wr_str(&w, "score");
		wr_str(&w, "statistic");
		wr_str(&w, "value");
		wr_end(&w);
		for (size_t j = 0; j < nx; j++) {
			struct roc_auc a;
			struct hl_test hl = { NAN, NAN, 0, 0 };
			double v[13], brier = NAN;
			size_t k = gains_table(s[j], y, count, 10, rows);
			int prob = probabilities(s[j], count);

			roc_auc(s[j], y, count, &a);
			if (prob) {
				brier = brier_score(s[j], y, count);
				if (hosmer_lemeshow(s[j], y, count, groups, &hl,
				    NULL) < 0)
					hl.chi2 = hl.p = NAN;
			}
			v[0] = (double)count;
			v[1] = (double)ones;
			v[2] = a.auc;
			v[3] = a.se;
			v[4] = a.lo;
			v[5] = a.hi;
			v[6] = ks_statistic(s[j], y, count);
			v[7] = brier;
			v[8] = hl.chi2;
			v[9] = prob && hl.groups > 0 ? hl.df : NAN;
			v[10] = hl.p;
			v[11] = prob ? (double)hl.groups : NAN;
			v[12] = k > 0 ? rows[0].lift : NAN;
			for (size_t i = 0; eval_stats[i] != NULL; i++) {
				wr_str(&w, cfg->x[j]);
				wr_str(&w, eval_stats[i]);
				wr_num(&w, v[i]);
				wr_end(&w);
			}
		}
		if (nx == 2) {
			static const char *const names[] = { "auc_diff",
			    "auc_diff_se", "auc_diff_lo", "auc_diff_hi", "z", "p" };
			struct roc_cmp c;
			double v[6];
			struct strbuf pair = { 0 };

			roc_compare(s[0], s[1], y, count, &c);
			v[0] = c.diff;
			v[1] = c.se;
			v[2] = c.lo;
			v[3] = c.hi;
			v[4] = c.z;
			v[5] = c.p;
			sb_printf(&pair, "%s-%s", cfg->x[0], cfg->x[1]);
			for (size_t i = 0; i < 6; i++) {
				wr_str(&w, pair.s);
				wr_str(&w, names[i]);
				wr_num(&w, v[i]);
				wr_end(&w);
			}
			sb_free(&pair);
		}
	}
	free(rows);
	free(s[0]);
	free(s[1]);
}

/* lead-score --fit logit (see lead-score(1)). */
static int
fit_main(const struct lead_tool *t, struct config *cfg, int argc,
    char **argv)
{
	struct kpi_opts o;
	struct fitdata d = { 0 };
	struct leads jl;
	struct join *jn = NULL;
	struct logit_stats st;
	double *x, *beta, *cov;
	char **terms;
	size_t p, events = 0;
	double hold[3] = { 0, 0, 0 };
	int rc;

	opts_parse(&o, &t->spec, cfg, argc, argv);
	if (cfg->rules_path != NULL || cfg->has_cap || cfg->half_life > 0 ||
	    cfg->grades_arg != NULL || cfg->predict != NULL)
		usage_error("--fit fits a model instead of scoring: --rules, "
		    "--cap, --half-life, --grades and --predict do not apply");
	if (o.annotate || o.group.nby > 0 || o.group.period != PERIOD_NONE)
		usage_error("--fit writes one table of coefficients: --annotate, "
		    "--by and --period do not apply");
	if (cfg->evaluate) {
		cfg->x_label = "--evaluate";
		if (cfg->fit != NULL || cfg->nfactor > 0 || cfg->l2 > 0 ||
		    cfg->fit_stats || cfg->save_model != NULL)
			usage_error("--evaluate measures a score column; --fit, "
			    "--x, --factor, --l2, --fit-stats and --save-model "
			    "do not go with it");
		if (cfg->gains && cfg->calibration)
			usage_error("--gains and --calibration are two outputs: "
			    "give one");
	} else if (cfg->gains || cfg->calibration || cfg->ngroups_eval > 0)
		usage_error("--gains, --calibration and --groups go with "
		    "--evaluate");
	if (cfg->ngroups_eval == 0)
		cfg->ngroups_eval = 10;
	if (cfg->nx + cfg->nfactor == 0)
		usage_error("--fit needs predictors: give --x or --factor");
	if (cfg->outcome != NULL && (o.leads.window_days >= 0 ||
	    o.leads.asof != NO_TIME))
		usage_error("--window and --asof make the default outcome; "
		    "--outcome %s is read as it is", cfg->outcome);
	if (o.njoin > 0) {
		/* The joined files give the times of the default outcome. */
		if (cfg->outcome != NULL)
			usage_error("--join fills in the stage times of the outcome "
			    "that --window and --asof make; --outcome %s is read "
			    "from each row as it is", cfg->outcome);
		leads_init(&jl, &o.leads, &o.cols, &o.dates, 1, NULL, 0);
		jn = join_open(&o, &jl, NULL, NULL);
	}
	d.levels = xcalloc(cfg->nfactor + 1, sizeof *d.levels);
	for (size_t i = 0; i < o.nfiles; i++) {
		struct reader *r = rd_open_or_die(o.files[i], &o.rd);

		if (rd_failed(r) || fit_read(cfg, &o, r, &d, jn != NULL ? &jl :
		    NULL) < 0)
			rd_die(r);
		rd_close(r);
	}
	if (jn != NULL) {
		join_report(jn, NULL);
		leads_free(&jl);
		join_free(jn);
	}
	if (cfg->outcome == NULL)
		fit_outcome(&o, &d, cfg->nx, cfg->nfactor);
	if (cfg->split_at != NULL)
		split_rows(&d, cfg->nx, cfg->nfactor, opt_date("split-at",
		    cfg->split_at, &o.dates));
	if (cfg->evaluate) {
		if (cfg->split_at != NULL)
			evaluate_write(cfg, &o, &d, d.n, d.nhold);
		else
			evaluate_write(cfg, &o, &d, 0, d.n);
		goto done;
	}
	x = design(cfg, &d, &terms, &p);
	beta = xcalloc(p, sizeof *beta);
	cov = xcalloc(p * p, sizeof *cov);
	rc = logit_fit(x, d.y, d.n, p, cfg->l2, beta, cov, &st);
	if (rc == LOGIT_SINGULAR)
		die(EX_DATAERR, "term %s is a linear combination of the terms "
		    "before it: leave it out", terms[st.bad]);
	if (rc == LOGIT_DIVERGED)
		die(EX_DATAERR, "the terms separate the outcome together: the "
		    "fit runs off to infinity (%s most); leave terms out or give "
		    "--l2", terms[st.bad]);
	for (size_t i = 0; i < d.n; i++)
		events += d.y[i];
	if (d.nhold > 0) {
		/* The fit measured on the rows it has not seen: their -2 log
		 * likelihood under the estimates. */
		double *xh = design_rows(cfg, &d, d.n, d.nhold, p);

		for (size_t i = 0; i < d.nhold; i++) {
			double eta = 0;

			for (size_t j = 0; j < p; j++)
				eta += xh[i * p + j] * beta[j];
			hold[0]++;
			hold[1] += d.y[d.n + i];
			/* -2 log P(y): 2 log(1 + e^-eta) for y = 1,
			 * 2 log(1 + e^eta) for y = 0, computed stably. */
			eta = d.y[d.n + i] ? -eta : eta;
			hold[2] += 2 * (eta > 0 ? eta + log1p(exp(-eta)) :
			    log1p(exp(eta)));
		}
		free(xh);
	}
	if (cfg->save_model != NULL)
		save_model(cfg->save_model, cfg, &d, beta);
	fit_write(cfg, &o, terms, p, d.n, events, beta, cov, &st, hold);
	for (size_t j = 0; j < p; j++)
		free(terms[j]);
	free(terms);
	free(x);
	free(beta);
	free(cov);
done:
	for (size_t j = 0; j < cfg->nfactor; j++) {
		for (size_t l = 0; l < d.levels[j].n; l++)
			free(d.levels[j].name[l]);
		free(d.levels[j].name);
	}
	free(d.levels);
	free(d.y);
	free(d.num);
	free(d.lev);
	free(d.created);
	free(d.reached);
	opts_free(&o);
	return close_stdout();
}

static const struct lead_tool tool = {
	.spec = {
		"--rules FILE [file ...]",
		"Each lead with the score, grade and points per group of a rules "
		    "file.",
		OPTS_STAGES | OPTS_WINDOW | OPTS_ASOF | OPTS_ANNOTATE |
		    OPTS_JOIN,
		tool_options, handle_option, "leads",
	},
	.tally = { sizeof(struct tally), tally_fields, 0 },
	.add = add,
	.header = header,
	.write = write_tally,
	.place = place,
	.setup = setup,
	.annotate_cols = annotate_cols,
	.annotate = annotate,
	.annotate_bind = annotate_bind,
};

/* lead-score is --annotate: the rows pass through with their score. */
int
main(int argc, char *argv[])
{
	struct config cfg = { 0 };
	char **args;

	cfg.x_label = "--x";
	int rc;

	/* --fit and --predict are other modes, not a leads tool's rows. */
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--fit") == 0 ||
		    strncmp(argv[i], "--fit=", 6) == 0 ||
		    strcmp(argv[i], "--predict") == 0 ||
		    strncmp(argv[i], "--predict=", 10) == 0 ||
		    strcmp(argv[i], "--evaluate") == 0 ||
		    strncmp(argv[i], "--evaluate=", 11) == 0) {
			rc = argv[i][2] != 'p' ?
			    fit_main(&tool, &cfg, argc, argv) :
			    predict_main(&tool, &cfg, argc, argv);
			free_config(&cfg);
			return rc;
		}
	args = xcalloc((size_t)argc + 2, sizeof *args);

	args[0] = argv[0];
	args[1] = "--annotate";
	for (int i = 1; i < argc; i++)
		args[i + 1] = argv[i];
	rc = lead_tool_main(&tool, &cfg, argc + 1, args);
	free_config(&cfg);
	free(args);
	return rc;
}
