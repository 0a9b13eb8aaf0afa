/**
 * An example third-party genzoo plugin, built against the api artifact alone: the Renyi variational
 * bound (Li and Turner 2016) as an objective for any encoder with a density, and a Laplace prior.
 */
package com.example.genzoo.renyi;
