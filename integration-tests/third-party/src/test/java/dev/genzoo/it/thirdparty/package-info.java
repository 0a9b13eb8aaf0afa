/**
 * A third-party plugin end to end: the example plugin built against this build's api, installed in
 * the packaged distribution, listed, trained with and sampled from the command line, and every way a
 * plugin can fail to load reported while the others keep working.
 */
package dev.genzoo.it.thirdparty;
