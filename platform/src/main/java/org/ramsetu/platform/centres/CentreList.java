package org.ramsetu.platform.centres;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of transplant centres with how many match in all (exact: a country has hundreds of
 * licensed centres, not millions).
 *
 * @param nextCursor pass as {@code after} for the next page; null on the last page
 */
public record CentreList(List<CentreView> items, @Nullable String nextCursor, long total) {}
