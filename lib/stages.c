/* See LICENSE file for copyright and license details. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opts.h"
#include "stages.h"
#include "util.h"

static int
is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-';
}

void
stages_parse(struct stages *s, const char *list)
{
	const char *p = list != NULL ? list : DEFAULT_STAGES;

	s->n = 0;
	for (;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);

		if (len == 0 || len > 32)
			usage_error("--stages: '%s': a stage name must have 1 to 32 "
			    "characters", list);
		for (size_t i = 0; i < len; i++)
			if (!is_name_char(p[i]))
				usage_error("--stages: '%s': use letters, digits, '_' "
				    "and '-' in stage names", list);
		if (stages_find(s, p, len) >= 0)
			usage_error("--stages: '%.*s' is given twice", (int)len, p);
		if (s->n == MAX_STAGES)
			usage_error("--stages: at most %d stages", MAX_STAGES);
		s->name[s->n++] = xmemdup(p, len);
		if (comma == NULL)
			break;
		p = comma + 1;
	}
	if (s->n < 2)
		usage_error("--stages: '%s': give at least two stages", list);
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

int
stages_find(const struct stages *s, const char *name, size_t len)
{
	for (size_t i = 0; i < s->n; i++) {
		size_t j;

		if (strlen(s->name[i]) != len)
			continue;
		for (j = 0; j < len; j++)
			if (lower((unsigned char)s->name[i][j]) !=
			    lower((unsigned char)name[j]))
				break;
		if (j == len)
			return (int)i;
	}
	return -1;
}

int
stages_option(const struct stages *s, const char *option, const char *name,
    int dflt)
{
	/* On the stack: usage_error() exits, and nothing may leak then. */
	char list[MAX_STAGES * 35];
	size_t used = 0;
	int i;

	if (name == NULL)
		return dflt;
	if ((i = stages_find(s, name, strlen(name))) >= 0)
		return i;
	list[0] = '\0';
	for (size_t k = 0; k < s->n; k++)
		used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
		    k ? ", " : "", s->name[k]);
	usage_error("--%s: '%s' is not one of the stages (%s)", option, name,
	    list);
}

char *
stages_join(const struct stages *s, const char *sep)
{
	struct strbuf sb = {0};

	for (size_t i = 0; i < s->n; i++)
		sb_printf(&sb, "%s%s", i ? sep : "", s->name[i]);
	return sb.s != NULL ? sb.s : xstrdup("");
}

void
stages_free(struct stages *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->name[i]);
	s->n = 0;
}

static int
is_blank(int c)
{
	return c == ' ' || c == '\t';
}

/*
** Whether the LEN bytes at V, folded (lower case, each run of blanks one
** space, none at either end), are KEY, which is folded already. Compares
** as it folds, so that a row's value is never copied.
*/
static int
folded_equal(const char *key, const char *v, size_t len)
{
	size_t i = 0;

	while (i < len && is_blank((unsigned char)v[i]))
		i++;
	while (len > i && is_blank((unsigned char)v[len - 1]))
		len--;
	for (; i < len; i++, key++) {
		if (is_blank((unsigned char)v[i])) {
			while (i + 1 < len && is_blank((unsigned char)v[i + 1]))
				i++;
			if (*key != ' ')
				return 0;
		} else if (*key != lower((unsigned char)v[i])) {
			return 0;
		}
	}
	return *key == '\0';
}

void
stage_map_add(struct stage_map *m, const struct stages *s, const char *arg)
{
	const char *eq = strrchr(arg, '=');
	size_t vlen;
	int stage;

	if (eq == NULL)
		usage_error("--stage-map: '%s' is not VALUE=STAGE", arg);
	vlen = (size_t)(eq - arg);
	stage = stages_option(s, "stage-map", eq + 1, -1);
	if (stage_map_find(m, arg, vlen) >= 0)
		usage_error("--stage-map: '%.*s' is mapped twice", (int)vlen,
		    arg);
	m->value = xreallocarray(m->value, m->n + 1, sizeof *m->value);
	m->stage = xreallocarray(m->stage, m->n + 1, sizeof *m->stage);
	m->value[m->n] = fold_blanks(arg, vlen);
	for (char *c = m->value[m->n]; *c != '\0'; c++)
		*c = (char)lower((unsigned char)*c);
	m->stage[m->n++] = stage;
}

int
stage_map_find(const struct stage_map *m, const char *v, size_t len)
{
	for (size_t i = 0; i < m->n; i++)
		if (folded_equal(m->value[i], v, len))
			return m->stage[i];
	return -1;
}

void
stage_map_free(struct stage_map *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->value[i]);
	free(m->value);
	free(m->stage);
	memset(m, 0, sizeof *m);
}
