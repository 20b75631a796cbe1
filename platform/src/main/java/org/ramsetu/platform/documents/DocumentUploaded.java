package org.ramsetu.platform.documents;

import org.ramsetu.platform.security.CurrentUser;

/**
 * A donor or patient uploaded a document, stored {@code PENDING} review. Published in the
 * transaction that stored its metadata, so its listener (the audit entry) commits or rolls back
 * with it.
 */
public record DocumentUploaded(Document document, CurrentUser by) {}
