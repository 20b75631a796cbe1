package org.ramsetu.platform.coordination;

import java.util.Map;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.kernel.IndianStates;
import org.ramsetu.platform.registry.common.BloodGroupFilter;
import org.ramsetu.platform.registry.common.Location;
import org.ramsetu.platform.registry.directory.CoordinatorDirectory;

/**
 * The query parameters of the donor and patient directories and their exports.
 *
 * @param q the start of a name or e-mail address
 * @param bloodGroup e.g. {@code O+} (URL-encoded {@code O%2B}) or {@code O} for both Rh
 */
public record DirectoryParams(String q, String city, String state, String bloodGroup) {

    /** Checked: each bad value is a 400 naming its parameter. */
    CoordinatorDirectory.Filter filter() {
        String search = Fields.optionalLine("q", q, 100);
        String cityText = Fields.optionalLine("city", city, 100);
        return new CoordinatorDirectory.Filter(
                search,
                cityText == null ? null : Location.cityKey(cityText),
                state == null || state.isBlank() ? null : IndianStates.canonical("state", state),
                BloodGroupFilter.groups("bloodGroup", bloodGroup));
    }

    /** The parameters given, as the audit log records an export. */
    Map<String, String> given() {
        return RecordParams.given("q", q, "city", city, "state", state, "bloodGroup", bloodGroup);
    }
}
