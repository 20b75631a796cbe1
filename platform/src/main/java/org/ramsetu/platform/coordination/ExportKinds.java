package org.ramsetu.platform.coordination;

import java.util.Map;
import java.util.Set;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.records.ListQuery;
import org.ramsetu.platform.registry.common.ListingFilter;
import org.ramsetu.platform.registry.directory.CoordinatorDirectory;
import org.ramsetu.platform.registry.pledges.Pledges;
import org.ramsetu.platform.registry.requests.RequestStatus;
import org.ramsetu.platform.registry.requests.TransplantRequests;

/**
 * The coordinators' CSV exports by name, each built from the filters as the coordinator gave them.
 * One place for both paths: the request that streams a small export, and the background job that
 * rebuilds a large one from its stored kind and filters (checked again there).
 */
public final class ExportKinds {

    public static final Set<String> ALL =
            Set.of("donors", "patients", "pledges", "transplant-requests");

    private ExportKinds() {}

    /**
     * @param given the filters by parameter name, as {@link RecordParams#given()} and {@link
     *     DirectoryParams#given()} return them
     * @throws DomainException InvalidInput for a bad filter value or an unknown kind
     */
    public static ListQuery.Statement query(String kind, Map<String, String> given) {
        return switch (kind) {
            case "donors" ->
                    CoordinatorDirectory.exportQuery(
                            CoordinatorDirectory.Side.DONORS, directory(given).filter());
            case "patients" ->
                    CoordinatorDirectory.exportQuery(
                            CoordinatorDirectory.Side.PATIENTS, directory(given).filter());
            case "pledges" -> {
                RecordParams p = records(given);
                yield Pledges.exportQuery(
                        ListingFilter.of(
                                PledgeStatus.class,
                                p.status(),
                                p.organ(),
                                p.city(),
                                p.state(),
                                p.bloodGroup()));
            }
            case "transplant-requests" -> {
                RecordParams p = records(given);
                yield TransplantRequests.exportQuery(
                        ListingFilter.of(
                                RequestStatus.class,
                                p.status(),
                                p.organ(),
                                p.city(),
                                p.state(),
                                p.bloodGroup()));
            }
            default -> throw InvalidInput.request("unknown-export", "no export named " + kind);
        };
    }

    private static DirectoryParams directory(Map<String, String> given) {
        return new DirectoryParams(
                given.get("q"), given.get("city"), given.get("state"), given.get("bloodGroup"));
    }

    private static RecordParams records(Map<String, String> given) {
        return new RecordParams(
                given.get("status"),
                given.get("organ"),
                given.get("city"),
                given.get("state"),
                given.get("bloodGroup"));
    }
}
