package org.ramsetu.platform.kernel;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * India's states and union territories, the second level of NOTTO's city → state → national
 * allocation order. Stored by their canonical name so that the coordinator's state filter finds
 * every record of a state, however it was typed.
 */
public final class IndianStates {

    public static final List<String> ALL =
            List.of(
                    "Andhra Pradesh",
                    "Arunachal Pradesh",
                    "Assam",
                    "Bihar",
                    "Chhattisgarh",
                    "Goa",
                    "Gujarat",
                    "Haryana",
                    "Himachal Pradesh",
                    "Jharkhand",
                    "Karnataka",
                    "Kerala",
                    "Madhya Pradesh",
                    "Maharashtra",
                    "Manipur",
                    "Meghalaya",
                    "Mizoram",
                    "Nagaland",
                    "Odisha",
                    "Punjab",
                    "Rajasthan",
                    "Sikkim",
                    "Tamil Nadu",
                    "Telangana",
                    "Tripura",
                    "Uttar Pradesh",
                    "Uttarakhand",
                    "West Bengal",
                    "Andaman and Nicobar Islands",
                    "Chandigarh",
                    "Dadra and Nagar Haveli and Daman and Diu",
                    "Delhi",
                    "Jammu and Kashmir",
                    "Ladakh",
                    "Lakshadweep",
                    "Puducherry");

    private static final Map<String, String> BY_KEY =
            ALL.stream()
                    .collect(Collectors.toUnmodifiableMap(IndianStates::key, Function.identity()));

    private IndianStates() {}

    /** The canonical name of the state typed in any case, e.g. {@code tamil nadu}. */
    public static String canonical(String field, String text) {
        String name = Fields.requiredLine(field, text, 60);
        String canonical = BY_KEY.get(key(name));
        if (canonical == null) {
            throw InvalidInput.field(
                    field,
                    "must be an Indian state or union territory, e.g. Maharashtra, Tamil Nadu or"
                            + " Delhi (was '"
                            + Fields.abbreviated(name)
                            + "')");
        }
        return canonical;
    }

    private static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").replace("&", "and").toLowerCase(Locale.ROOT);
    }
}
