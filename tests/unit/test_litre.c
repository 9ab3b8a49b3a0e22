/* See LICENSE file for copyright and license details. */
/*
** lib/litre.c against regexec(): which patterns it takes, and, for
** random patterns it takes (fixed seed, a small alphabet so that words
** occur), the same answer as regexec() on millions of random texts.
*/
#include <regex.h>
#include <stdint.h>
#include <stdlib.h>

#include "../../lib/litre.h"
#include "check.h"

static uint64_t rng_state = 18;     /* fixed seed */

static uint32_t
next32(void)
{
	rng_state = rng_state * UINT64_C(6364136223846793005) +
	    UINT64_C(1442695040888963407);
	return (uint32_t)(rng_state >> 33);
}

static void
takes(const char *pattern, int want)
{
	struct litre re;
	char name[160];
	int got = litre_compile(&re, pattern);

	snprintf(name, sizeof name, "litre_compile '%s' %s", pattern,
	    want ? "takes it" : "leaves it to regexec");
	check_int(name, got, want);
	litre_free(&re);
}

/* Compare on N random texts of the alphabet; returns the differences. */
static long
compare(const char *pattern, const char *alphabet, long n, long *taken)
{
	struct litre lre;
	regex_t rre;
	long bad = 0;
	char text[24];

	if (regcomp(&rre, pattern, REG_EXTENDED | REG_NOSUB) != 0)
		return 0;
	if (!litre_compile(&lre, pattern)) {
		regfree(&rre);
		return 0;
	}
	++*taken;
	for (long i = 0; i < n; i++) {
		size_t len = next32() % 12, k = strlen(alphabet);

		for (size_t j = 0; j < len; j++)
			text[j] = alphabet[next32() % k];
		text[len] = '\0';
		/* Now and then a NUL inside: regexec() stops there. */
		if (len > 2 && next32() % 16 == 0)
			text[next32() % len] = '\0';
		if (litre_match(&lre, text, len) !=
		    (regexec(&rre, text, 0, NULL, 0) == 0) && bad++ < 5)
			printf("# '%s' on '%.*s': litre %d\n", pattern, (int)len,
			    text, litre_match(&lre, text, len));
	}
	litre_free(&lre);
	regfree(&rre);
	return bad;
}

int
main(void)
{
	static const char *const words[] = { "SSO|on-prem", "(GmbH|AG)$",
	    "left the company", "^(a|bc)$", "^ab|c$", "x\\.y", "\\$5", "a\\|b",
	    "Q3", "^demo", "end$", "(x)" };
	/* The pattern alphabet: words, anchors, groups, escapes, other. */
	static const char patchars[] = "abab.|()^$\\*[]+?{}";
	long bad = 0, taken = 0, texts = 0;
	char name[128];

	takes("SSO|on-prem", 1);
	takes("(GmbH|AG)$", 1);
	takes("^(GmbH|AG)", 1);
	takes("left the company", 1);
	takes("^a$|b", 1);
	takes("1\\.5", 1);
	takes("[Dd]emo", 0);
	takes("a.b", 0);
	takes("a*", 0);
	takes("a|", 0);
	takes("|a", 0);
	takes("()", 0);
	takes("(a)|b", 0);
	takes("(a|b)c", 0);
	takes("a$b", 0);
	takes("\\w", 0);
	takes("\xc3\xa9t\xc3\xa9", 0);
	takes("", 0);
	takes("^", 0);

	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		bad += compare(words[i], "aAbcGmbHSO|on-prem$\\.xy5Q3dethl ",
		    200000, &taken);
		texts += 200000;
	}
	/* Random patterns: only those both regcomp() and litre take count. */
	for (long i = 0; i < 200000; i++) {
		char pat[12];
		size_t len = 1 + next32() % 9;

		for (size_t j = 0; j < len; j++)
			pat[j] = patchars[next32() % (sizeof patchars - 1)];
		pat[len] = '\0';
		bad += compare(pat, "aab\n", 200, &taken);
	}
	snprintf(name, sizeof name, "litre_match agrees with regexec "
	    "(%ld patterns taken)", taken);
	check_int(name, bad, 0);
	check_result(taken > 1000, "enough random patterns taken", "too few");
	(void)texts;
	return finish();
}
