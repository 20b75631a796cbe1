package org.ramsetu.platform.documents;

import org.ramsetu.platform.security.CurrentUser;

/**
 * A coordinator reviewed a document: {@code VERIFIED} or {@code REJECTED} (with a reason).
 * Published in the review's transaction, so its listener (the audit entry) commits or rolls back
 * with it.
 *
 * @param document the document as reviewed
 */
public record DocumentReviewed(Document document, CurrentUser by) {}
