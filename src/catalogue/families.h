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
BF_FAMILY(normal)
BF_FAMILY(lognormal)
BF_FAMILY(gamma)
BF_FAMILY(inverse_gaussian)
BF_FAMILY(beta)
BF_FAMILY(uniform)
BF_FAMILY(extreme_value)
BF_FAMILY(pareto)
BF_FAMILY(logistic_laplace)
BF_FAMILY(cauchy_stable)
BF_FAMILY(student_t)
BF_FAMILY(noncentral)
BF_FAMILY(circular)
BF_FAMILY(test_statistics)
BF_FAMILY(poisson)
BF_FAMILY(binomial)
BF_FAMILY(negative_binomial)
BF_FAMILY(lattice_exponential)
BF_FAMILY(power_law)
BF_FAMILY(discrete_uniform)
BF_FAMILY(hypergeometric)
