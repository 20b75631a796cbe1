package org.ramsetu.platform.registry.requests;

import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.records.Cursor;
import org.ramsetu.platform.records.ListOrder;
import org.ramsetu.platform.records.SortParameter;
import org.springframework.modulith.NamedInterface;

/**
 * The orders a waiting list is read in: by listing time from either end, or with the sickest first,
 * by the urgency the centre verified or by MELD-Na (the score the liver ranking uses unless a
 * policy names MELD 3.0), then the longest listed. Requests without a MELD (every organ but the
 * liver) follow every liver request in the MELD order.
 */
@NamedInterface("requests")
public enum RequestOrder {
    NEWEST("newest", ListOrder.NEWEST_FIRST, null, null),
    OLDEST("oldest", ListOrder.OLDEST_FIRST, null, null),
    // Negated so that both keyset columns run the same way as the time and id after them: one
    // row comparison and one ascending index answer the page.
    URGENCY("urgency", null, "(-r.urgency)", r -> -r.urgency()),
    MELD(
            "meld",
            null,
            "(-coalesce(r.meld_na, 0))",
            r -> r.scores().meldNa() == null ? 0 : -r.scores().meldNa().score());

    private final String parameter;
    private final @Nullable ListOrder time;
    private final @Nullable String key;
    private final @Nullable ToIntFunction<TransplantRequest> keyOf;

    RequestOrder(
            String parameter,
            @Nullable ListOrder time,
            @Nullable String key,
            @Nullable ToIntFunction<TransplantRequest> keyOf) {
        this.parameter = parameter;
        this.time = time;
        this.key = key;
        this.keyOf = keyOf;
    }

    /**
     * @param sort {@code newest}, {@code oldest}, {@code urgency}, {@code meld}, or absent for
     *     newest first
     * @throws InvalidInput naming {@code sort} for anything else
     */
    public static RequestOrder of(@Nullable String sort) {
        return SortParameter.parse(sort, values(), RequestOrder::parameter, NEWEST);
    }

    /**
     * The value of the {@code sort} query parameter that asks for it; a ranking's cursors name it.
     */
    String parameter() {
        return parameter;
    }

    /** The time order, or null for a list ranked by {@link #key()}. */
    @Nullable ListOrder time() {
        return time;
    }

    /** The SQL expression the list is ranked by, lowest first; null for a time order. */
    @Nullable String key() {
        return key;
    }

    /** Where {@code request} sits in this order. */
    Cursor cursorOf(TransplantRequest request) {
        return new Cursor(
                keyOf == null ? null : new Cursor.Rank(parameter, keyOf.applyAsInt(request)),
                request.listedAt(),
                request.id());
    }
}
