package org.ramsetu.platform.centres;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.accounts.CoordinatorDirectory;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.identity.AccountId;
import org.ramsetu.platform.kernel.Conflict;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.kernel.Forbidden;
import org.ramsetu.platform.kernel.IndianStates;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.records.Cursor;
import org.ramsetu.platform.records.ExpectedVersion;
import org.ramsetu.platform.records.Page;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.records.Sql;
import org.ramsetu.platform.security.CurrentUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry of transplant centres: every coordinator reads it; coordinators with the
 * administrator right register centres, correct them and say which coordinators work for which.
 * Every change is audited with what changed.
 */
public class CentreService {

    private final TransplantCentres centres;
    private final CoordinatorDirectory directory;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    CentreService(
            TransplantCentres centres,
            CoordinatorDirectory directory,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock) {
        this.centres = centres;
        this.directory = directory;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * @throws DomainException Forbidden unless the caller is an administrator; InvalidInput naming
     *     every wrong field; Conflict when another centre holds the registration number
     */
    public CentreView register(CurrentUser administrator, CentreBody body) {
        requireAdministrator(administrator, "register transplant centres");
        CentreDetails details = Fields.required("body", body).toDetails();
        Instant now = Sql.now(clock);
        return tx.execute(
                status -> {
                    TransplantCentre registered =
                            new TransplantCentre(
                                    new TransplantCentreId(UUID.randomUUID()),
                                    details,
                                    administrator.id(),
                                    now,
                                    administrator.id(),
                                    now,
                                    0);
                    if (!centres.insert(registered)) {
                        throw registrationTaken(details);
                    }
                    audit(
                            CentreAuditActions.CENTRE_REGISTERED,
                            administrator,
                            registered.id(),
                            Map.of(
                                    "registrationNumber",
                                    details.registrationNumber(),
                                    "programmes",
                                    programmes(details)));
                    return CentreView.of(registered, 0);
                });
    }

    /**
     * Replaces what the registry says about a centre.
     *
     * @throws DomainException Forbidden unless the caller is an administrator; InvalidInput naming
     *     every wrong field; NotFound for an unknown centre; Conflict when another centre holds the
     *     registration number
     */
    public CentreView amend(
            CurrentUser administrator, UUID id, CentreBody body, ExpectedVersion expected) {
        requireAdministrator(administrator, "correct transplant centres");
        CentreDetails details = Fields.required("body", body).toDetails();
        Instant now = Sql.now(clock);
        try {
            return tx.execute(
                    status -> {
                        TransplantCentre stored = stored(new TransplantCentreId(id));
                        expected.check(stored.version());
                        List<String> changed = details.changedFrom(stored.details());
                        if (changed.isEmpty()) {
                            return view(stored);
                        }
                        TransplantCentre amended = stored.amended(details, administrator.id(), now);
                        if (!centres.update(amended)) {
                            throw ExpectedVersion.stale();
                        }
                        audit(
                                CentreAuditActions.CENTRE_AMENDED,
                                administrator,
                                amended.id(),
                                Map.of("fields", String.join(" ", changed)));
                        return view(amended);
                    });
        } catch (DuplicateKeyException taken) {
            throw registrationTaken(details);
        }
    }

    /**
     * @throws DomainException Forbidden unless the caller is a coordinator; NotFound for an unknown
     *     centre
     */
    public CentreView one(CurrentUser coordinator, UUID id) {
        coordinator.requireCoordinator("read the registry of centres");
        return view(stored(new TransplantCentreId(id)));
    }

    /**
     * Newest first, with how many match.
     *
     * @param text part of a name, city or registration number; null or blank for all
     * @param state a state or union territory (any case); null for all
     * @param organ a programme the centres run; null for all
     * @throws DomainException Forbidden unless the caller is a coordinator; InvalidInput for an
     *     unknown state or a search longer than a name
     */
    public Page<CentreView> list(
            CurrentUser coordinator,
            @Nullable String text,
            @Nullable String state,
            @Nullable Organ organ,
            PageRequest page) {
        coordinator.requireCoordinator("read the registry of centres");
        TransplantCentres.Filter filter = filter(text, state, organ);
        Page<TransplantCentre> listed = page(filter, page);
        Map<UUID, Long> counts =
                centres.coordinatorCounts(
                        listed.items().stream().map(c -> c.id().value()).toList());
        return listed.map(c -> CentreView.of(c, counts.getOrDefault(c.id().value(), 0L)))
                .withTotal(centres.count(filter));
    }

    /**
     * The centres a patient may name when requesting a transplant: any signed-in user reads this
     * list, with the same filters as {@link #list}.
     *
     * @throws DomainException InvalidInput for an unknown state or a search longer than a name
     */
    public Page<CentreListingView> directory(
            @Nullable String text,
            @Nullable String state,
            @Nullable Organ organ,
            PageRequest page) {
        TransplantCentres.Filter filter = filter(text, state, organ);
        return page(filter, page).map(CentreListingView::of).withTotal(centres.count(filter));
    }

    private static TransplantCentres.Filter filter(
            @Nullable String text, @Nullable String state, @Nullable Organ organ) {
        return new TransplantCentres.Filter(
                Fields.optionalLine("q", text, CentreBody.MAX_NAME),
                state == null || state.isBlank() ? null : IndianStates.canonical("state", state),
                organ);
    }

    private Page<TransplantCentre> page(TransplantCentres.Filter filter, PageRequest page) {
        return Page.of(
                centres.page(filter, page),
                page.limit(),
                c -> new Cursor(c.createdAt(), c.id().value()));
    }

    /**
     * @throws DomainException Forbidden unless the caller is a coordinator; NotFound for an unknown
     *     centre
     */
    public List<CentreCoordinatorView> coordinators(CurrentUser coordinator, UUID id) {
        coordinator.requireCoordinator("read the registry of centres");
        TransplantCentreId centre = stored(new TransplantCentreId(id)).id();
        return centres.coordinators(centre);
    }

    /**
     * Makes a coordinator work for the centre; one who worked for another centre moves. Saying it
     * again changes nothing.
     *
     * @throws DomainException Forbidden unless the caller is an administrator; NotFound for an
     *     unknown centre; InvalidInput when the e-mail is not a coordinator's
     */
    public List<CentreCoordinatorView> assign(
            CurrentUser administrator, UUID id, AssignCoordinatorRequest request) {
        requireAdministrator(administrator, "assign coordinators to centres");
        String email = Fields.required("email", request == null ? null : request.email());
        Instant now = Sql.now(clock);
        return tx.execute(
                status -> {
                    TransplantCentreId centre = stored(new TransplantCentreId(id)).id();
                    UUID account =
                            directory
                                    .coordinator("email", email)
                                    .orElseThrow(
                                            () ->
                                                    InvalidInput.field(
                                                            "email",
                                                            "must be the e-mail of a coordinator's"
                                                                    + " account"))
                                    .value();
                    TransplantCentres.Assignment assigned =
                            centres.assign(account, centre, administrator.id(), now);
                    if (assigned.changed()) {
                        Map<String, Object> facts = new LinkedHashMap<>();
                        facts.put("coordinator", account.toString());
                        if (assigned.movedFrom() != null) {
                            facts.put("movedFrom", assigned.movedFrom().toString());
                        }
                        audit(
                                CentreAuditActions.COORDINATOR_ASSIGNED,
                                administrator,
                                centre,
                                facts);
                    }
                    return centres.coordinators(centre);
                });
    }

    /**
     * The coordinator no longer works for the centre.
     *
     * @throws DomainException Forbidden unless the caller is an administrator; NotFound for an
     *     unknown centre, or a coordinator who does not work for it
     */
    public void unassign(CurrentUser administrator, UUID id, UUID account) {
        requireAdministrator(administrator, "assign coordinators to centres");
        tx.executeWithoutResult(
                status -> {
                    TransplantCentreId centre = stored(new TransplantCentreId(id)).id();
                    if (!centres.unassign(account, centre)) {
                        throw new NotFound("coordinator of this centre", account);
                    }
                    audit(
                            CentreAuditActions.COORDINATOR_UNASSIGNED,
                            administrator,
                            centre,
                            Map.of("coordinator", account.toString()));
                });
    }

    private TransplantCentre stored(TransplantCentreId id) {
        return centres.find(id).orElseThrow(() -> new NotFound(CentreAuditActions.CENTRE, id));
    }

    private CentreView view(TransplantCentre c) {
        return CentreView.of(
                c,
                centres.coordinatorCounts(List.of(c.id().value()))
                        .getOrDefault(c.id().value(), 0L));
    }

    private Conflict registrationTaken(CentreDetails details) {
        String holder =
                centres.withRegistration(details.registrationKey())
                        .map(TransplantCentreId::toString)
                        .orElse("another centre");
        return new Conflict(
                "registration-number-taken",
                "registration number "
                        + details.registrationNumber()
                        + " belongs to centre "
                        + holder
                        + "; correct that centre instead");
    }

    private void audit(
            String action, CurrentUser who, TransplantCentreId centre, Map<String, ?> facts) {
        audit.record(
                AuditEntry.of(action, AuditOutcome.SUCCESS)
                        .by(who.id(), who.role())
                        .on(CentreAuditActions.CENTRE, centre.value())
                        .with(facts));
    }

    private static String programmes(CentreDetails details) {
        return String.join(" ", details.programmes().stream().map(Organ::name).toList());
    }

    private void requireAdministrator(CurrentUser user, String action) {
        user.requireCoordinator(action);
        if (!directory.isAdministrator(new AccountId(user.id()))) {
            throw new Forbidden(
                    "administrator-only",
                    "only coordinators with the administrator right can " + action);
        }
    }
}
