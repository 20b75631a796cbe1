/**
 * The stored form of a ranking run's lists, shared by match runs and allocation runs: one byte
 * naming the list's format, a string dictionary (labels, codes, feature names and details repeat
 * across tens of thousands of rows), then fixed binary rows that refer to the dictionary by index.
 * Each run kind defines its rows; this module only frames them, so that both kinds store their
 * lists the same way and a reader can tell a format by its first byte.
 */
package org.ramsetu.platform.runlists;
