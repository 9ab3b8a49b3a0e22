/* See LICENSE file for copyright and license details. */
#ifndef KPI_STAGES_H
#define KPI_STAGES_H

#include <stddef.h>

/*
** The ordered stages of a funnel (kpikit(7), "Stages"): lead, mql, sql,
** opportunity, customer unless --stages says otherwise. A lead has
** reached a stage when the timestamp of that stage or of any later one is
** set, so the order is what every leads tool means by "reached".
*/

#define MAX_STAGES 16
#define DEFAULT_STAGES "lead,mql,sql,opportunity,customer"

struct stages {
	size_t n;                       /* 2 to MAX_STAGES */
	char *name[MAX_STAGES];
};

/*
** Parse LIST (comma-separated stage names; NULL for DEFAULT_STAGES) into
** S. Names are 1-32 bytes of letters, digits, '_' and '-', all different;
** anything else is a usage error (exit 64).
*/
void stages_parse(struct stages *s, const char *list);

/* The index of the stage named by LEN bytes at NAME (ASCII letters compared
** without case), or -1. */
int stages_find(const struct stages *s, const char *name, size_t len);

/*
** The index of the stage NAME given to option --OPTION, or DFLT when NAME
** is NULL (the option was not given). An unknown name is a usage error
** that lists the stages.
*/
int stages_option(const struct stages *s, const char *option,
    const char *name, int dflt);

/* S's names joined with SEP, into a new string. */
char *stages_join(const struct stages *s, const char *sep);

void stages_free(struct stages *s);

/*
** --stage-map VALUE=STAGE (repeatable): what the values of a current-stage
** column (--stage-col) mean, as a preset's "map" lines say for its stage
** column ("Closed Won=customer"). VALUE compares without regard to letter
** case, with each run of blanks as one space and blanks around it
** ignored; an empty VALUE is an empty (or blank) field. A value the map
** does not name must be a stage's own name.
*/
struct stage_map {
	char **value;   /* folded: lower case, single spaces, trimmed */
	int *stage;
	size_t n;
};

/*
** Add ARG, "VALUE=STAGE" (split at the last '=', so VALUE may hold one),
** to M. STAGE must be one of S's and VALUE not mapped yet: else a usage
** error naming --stage-map (M is left as it was, so nothing leaks).
*/
void stage_map_add(struct stage_map *m, const struct stages *s,
    const char *arg);

/* The stage M maps the LEN bytes at V to, or -1 when it does not map
** them. Linear in M's size: maps are a handful of values. */
int stage_map_find(const struct stage_map *m, const char *v, size_t len);

void stage_map_free(struct stage_map *m);

#endif
