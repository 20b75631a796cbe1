/**
 * How the application wires the allocation feature: the configurations a target imports, the only
 * way into the feature that Spring needs.
 */
@NamedInterface("config")
package org.ramsetu.platform.allocation.config;

import org.springframework.modulith.NamedInterface;
