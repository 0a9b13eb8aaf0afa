/**
 * Wiring by name: a Guice module binds every discovered factory in a {@code MapBinder} per role;
 * the resolver turns a user's draft into a validated config, and the assembler builds the chosen
 * components on a device and refuses combinations that cannot train.
 */
package dev.genzoo.runtime.wiring;
