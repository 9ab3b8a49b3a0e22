/* See LICENSE file for copyright and license details. */
#ifndef KPI_PRESET_H
#define KPI_PRESET_H

#include <stddef.h>

/*
** Presets: how to read a known export (a HubSpot contacts export, a
** Google Ads report) as the table kpikit expects. A preset is data, in the
** plain-text form of lib/presets.txt (built in, installed, and documented
** in kpikit(7)), and a user can write more in a file (--preset-file).
**
** A preset makes the reader present the export as the canonical table: it
** adds derived columns, named as the tools' default headers (created_at,
** customer_at, channel, ...), whose values come from the export's own
** columns, found by alias, under conditions, through value maps, or from a
** constant; it finds the header below title lines; and it skips junk rows
** (report footers, subtotals), each reported with its line. A tool then
** reads the export unchanged. The form, one directive a line, # comments:
**
**   preset NAME TABLE          TABLE: leads, spend or orders
**   about TEXT
**   stages LIST                the default --stages
**   date-format FMT            tried after any --date-format
**   header ALIAS | ALIAS ...   the header holds one of these (repeatable:
**                              all must hold); lines above it are skipped
**   column NAME = TEXT         a column NAME holding TEXT on every row
**   column NAME: ALIAS | ...   a column NAME copying the first of these
**                              columns the file has (another "column NAME:"
**                              line is tried when this one's columns are
**                              missing); then, indented, about it:
**     when ALIAS | ... = VALUE | ...    only on rows where that column
**     when ALIAS | ... != VALUE | ...   holds (or does not hold) one of the
**                                       values; else empty (repeatable: all)
**     map FROM = TO            a value FROM becomes TO (repeatable)
**     number                   "$1,200.50" and "USD 1,200" become 1200.50
**     capture                  the value is the part of the header name
**                              that a '*' of the alias matched
**   skip first = PATTERN | ... skip a record whose first field matches
**   skip ALIAS | ... = PATTERN | ...   or whose field in that column does
**
** Aliases and values compare without regard to letter case, with runs of
** blanks as one space; '*' in an alias or pattern matches any text, and
** "(empty)" an empty field.
*/

struct preset;

/* A parsed set of presets. */
struct preset_set {
	struct preset **v;
	size_t n;
};

/* The longest line, and the largest file, a preset file may have: far
** beyond any real one, and they bound the time a pattern takes to
** match (lib/preset.c's glob()) and the memory a file takes to read. */
#define PRESET_LINE_MAX 4096
#define PRESET_FILE_MAX (1 << 20)

/*
** Parse TEXT (LEN bytes, from NAME, for messages) and add its presets to
** SET. Returns NULL, or a message "NAME:LINE: what is wrong" (the caller
** frees it): a line longer than PRESET_LINE_MAX bytes is one. A preset
** named as one already in SET replaces it. After an error SET holds what
** the lines before it made, every part of it whole (the fuzzer uses it).
*/
char *presets_parse(struct preset_set *set, const char *name, const char *text,
    size_t len);

/* Add the built-in presets (lib/presets.txt) to SET. */
void presets_builtin(struct preset_set *set);

/* The preset called NAME, or NULL. */
const struct preset *presets_find(const struct preset_set *set,
    const char *name);

/* Write the names of SET's presets, comma-separated, into a new string. */
char *presets_names(const struct preset_set *set);

void presets_free(struct preset_set *set);

/* The preset's name, table (leads, spend, orders), default stages (or
** NULL) and date formats. */
const char *preset_name(const struct preset *p);
const char *preset_table(const struct preset *p);
const char *preset_stages(const struct preset *p);
size_t preset_date_formats(const struct preset *p, char *const **fmts);

struct rd_filter;

/*
** The row filter (lib/reader.h) that reads a file as P's export: the
** reader then finds the header below title lines, skips the junk rows and
** adds the derived columns, as the preset says; messages name it
** "preset NAME". Owned by P (lives as long as P's set); NULL when P is
** NULL, so that rd_opts.filter = preset_filter(p) reads a plain table
** when there is no preset.
*/
const struct rd_filter *preset_filter(const struct preset *p);

#endif
