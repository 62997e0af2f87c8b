/*
 * registry.c — the catalogue: every family file's entries in one list, in
 * the order of families.h, and look-up by scipy name or alias.
 */
#include <math.h>
#include <string.h>

#include "catalogue/entry.h"

#define BF_FAMILY(grp) \
	extern const BfDist bf_family_##grp[]; \
	extern const int bf_family_##grp##_size;
#include "catalogue/families.h"
#undef BF_FAMILY

/* entry.h: the accuracy the engine asks of the entries' functions */
BfAccuracy	bf_accuracy = BF_ACCURACY_FULL;

static const BfDist **bf_registry = NULL;
static int	bf_registry_size = 0;

/* Builds the flat list of entries once (static storage, no allocation). */
static void
bf_registry_init(void)
{
	static const BfDist *list[BF_MAX_ENTRIES];
	int			n = 0;

	if (bf_registry)
		return;
#define BF_FAMILY(grp) \
	for (int i_ = 0; i_ < bf_family_##grp##_size && n < BF_MAX_ENTRIES; i_++) \
		list[n++] = &bf_family_##grp[i_];
#include "catalogue/families.h"
#undef BF_FAMILY
	bf_registry_size = n;
	bf_registry = list;
}

int
bf_catalogue_count(void)
{
	bf_registry_init();
	return bf_registry_size;
}

const BfDist *
bf_catalogue_entry(int i)
{
	bf_registry_init();
	return (i >= 0 && i < bf_registry_size) ? bf_registry[i] : NULL;
}

/* Does the comma-separated list contain name? */
static bool
bf_alias_match(const char *list, const char *name)
{
	size_t		len = strlen(name);

	while (list && *list)
	{
		const char *end = strchr(list, ',');
		size_t		n = end ? (size_t) (end - list) : strlen(list);

		if (n == len && strncmp(list, name, n) == 0)
			return true;
		list = end ? end + 1 : NULL;
		while (list && *list == ' ')
			list++;
	}
	return false;
}

const BfDist *
bf_find_dist(const char *name)
{
	int			i;

	if (name == NULL)
		return NULL;
	bf_registry_init();
	for (i = 0; i < bf_registry_size; i++)
		if (strcmp(bf_registry[i]->name, name) == 0)
			return bf_registry[i];
	for (i = 0; i < bf_registry_size; i++)
		if (bf_alias_match(bf_registry[i]->aliases, name))
			return bf_registry[i];
	return NULL;
}
