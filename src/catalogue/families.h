/*
 * families.h — the one list of the catalogue's family files.
 *
 * Each line names a file src/catalogue/KIND/NAME.c that defines the array
 * `const BfDist bf_family_NAME[]` and `const int bf_family_NAME_size`.  The
 * registry (registry.c) includes this list to build the catalogue in this
 * order, which is the order of bestfit_distributions() and of the default
 * candidate set; the Makefile and the stand-alone harness compile every file
 * of src/catalogue/continuous/ and src/catalogue/discrete/ by wildcard.
 * Adding a distribution to an existing family needs no edit here; adding a
 * family file needs one line.
 */
BF_FAMILY(core)
BF_FAMILY(closed_a)
BF_FAMILY(closed_b)
BF_FAMILY(gamma_beta)
BF_FAMILY(normal_based)
BF_FAMILY(noncentral_bessel)
BF_FAMILY(stable_truncated)
BF_FAMILY(statistics_new)
BF_FAMILY(studentized)
