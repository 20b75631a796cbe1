/**
 * How the application wires the matching feature: the configurations a target imports, the only way
 * into the feature that Spring needs.
 */
@NamedInterface("config")
package org.ramsetu.platform.matching.config;

import org.springframework.modulith.NamedInterface;
