/**
 * The objective contract kit: check a genzoo objective of your own with one test class. Extend
 * {@link dev.genzoo.contract.ObjectiveContract}, name your objective's factory, and the kit runs
 * it against a model whose log p(x) is exact ({@link dev.genzoo.contract.ExactModel}: for density
 * encoders {@link dev.genzoo.contract.ProbabilisticPca}; for point masses a {@link
 * dev.genzoo.contract.CodebookMixture}, for bijections and fixed processes {@link
 * dev.genzoo.contract.GaussianData}, both built from a family's factories by a {@link
 * dev.genzoo.contract.ModelRecipe}), checking that it bounds log p(x), has
 * finite gradients, improves with training, runs on the configured device and is reproducible.
 * {@link dev.genzoo.contract.ContractAssertions} holds AssertJ assertions that allow for Monte Carlo
 * noise in standard errors.
 */
package dev.genzoo.contract;
