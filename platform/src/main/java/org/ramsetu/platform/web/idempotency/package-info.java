/**
 * Idempotency keys for creating requests: a retry under the same key gets the first answer. The
 * features' controllers use {@link org.ramsetu.platform.web.idempotency.IdempotentRequests}; its
 * configuration is imported once by the registry's.
 */
@NamedInterface("idempotency")
package org.ramsetu.platform.web.idempotency;

import org.springframework.modulith.NamedInterface;
