package org.ramsetu.platform.documents;

import org.ramsetu.platform.security.CurrentUser;

/**
 * The coordinator who reviewed a document took the review back: it awaits review again. Published
 * in the undo's transaction, so its listener (the audit entry) commits or rolls back with it.
 *
 * @param document the document as it is now, {@code PENDING}
 * @param undone the document as the review had left it
 */
public record DocumentReviewUndone(Document document, Document undone, CurrentUser by) {}
