package org.ramsetu.platform.donation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of donation cases with how many there are in all (exact: the table holds one row per
 * deceased donor, thousands a year at most).
 *
 * @param nextCursor pass as {@code after} for the next page; null on the last page
 */
public record DonationCaseList(
        List<DonationCaseView> items, @Nullable String nextCursor, long total) {}
