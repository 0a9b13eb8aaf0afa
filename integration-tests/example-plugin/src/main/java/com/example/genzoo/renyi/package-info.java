/**
 * An example third-party genzoo plugin, built against the api artifact and genzoo-nn: the Renyi
 * variational bound (Li and Turner 2016) as an objective for any encoder with a density, a Laplace
 * prior, and an MLP Laplace encoder made of genzoo-nn's network blocks, which the plugin ships beside
 * its jar.
 */
package com.example.genzoo.renyi;
