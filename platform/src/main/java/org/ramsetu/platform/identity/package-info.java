/**
 * Who is acting: the roles every feature checks. Below accounts, security and audit, which all name
 * a role (an account has one, a token carries it, an audit entry records it), so none of them has
 * to reach into another for it.
 */
package org.ramsetu.platform.identity;
