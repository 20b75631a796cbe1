package org.ramsetu.platform.records;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.kernel.InvalidInput;

/** The {@code sort} query parameter of a list: one of the list's orders, by its name. */
public final class SortParameter {

    private SortParameter() {}

    /**
     * @param sort the parameter as sent, any case; absent or blank for {@code fallback}
     * @param orders the list's orders, in the order the refusal names them
     * @param name each order's parameter value
     * @throws InvalidInput naming {@code sort} for anything else
     */
    public static <O> O parse(String sort, O[] orders, Function<O, String> name, O fallback) {
        if (sort == null || sort.isBlank()) {
            return fallback;
        }
        String asked = sort.strip().toLowerCase(Locale.ROOT);
        for (O order : orders) {
            if (name.apply(order).equals(asked)) {
                return order;
            }
        }
        String names = Arrays.stream(orders).map(name).collect(Collectors.joining(", "));
        // Worded as the other choices are, so that a client translates it alike (FieldErrorCodes).
        throw InvalidInput.field(
                "sort", "must be one of " + names + " (was '" + Fields.abbreviated(sort) + "')");
    }
}
