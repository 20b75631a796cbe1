package org.ramsetu.app.platform;

import java.util.List;
import java.util.function.Function;
import org.ramsetu.platform.api.Accounts;
import org.ramsetu.platform.api.Matching;
import org.ramsetu.platform.api.Registry;
import org.ramsetu.platform.api.SampleFiles;

/**
 * For every {@code /api/v1} route that takes the id of someone's record: how to make such a record
 * for its owner, so that {@link ObjectLevelAuthorizationIntegrationTest} can prove another user
 * gets 404. A new route with an id and no case here fails that test.
 */
final class OwnershipCases {

    /**
     * @param method HTTP method of the route
     * @param pattern the route as mapped, e.g. {@code /api/v1/pledges/{id}}
     * @param owner makes the owning user
     * @param pathOfOwnedRecord creates the owner's record and answers the concrete path to call
     * @param body the JSON body to send (null for none); a valid one, so only ownership can refuse
     */
    record Case(
            String method,
            String pattern,
            java.util.function.Supplier<Accounts.SignedIn> owner,
            Function<Accounts.SignedIn, String> pathOfOwnedRecord,
            String body) {}

    static List<Case> all() {
        return List.of(
                new Case(
                        "GET",
                        "/api/v1/pledges/{id}",
                        Registry::donorWithProfile,
                        OwnershipCases::pledge,
                        null),
                new Case(
                        "POST",
                        "/api/v1/pledges/{id}/withdraw",
                        Registry::donorWithProfile,
                        owner -> pledge(owner) + "/withdraw",
                        "{}"),
                new Case(
                        "GET",
                        "/api/v1/transplant-requests/{id}",
                        Registry::patientWithProfile,
                        owner ->
                                "/api/v1/transplant-requests/"
                                        + Registry.request(owner, Registry.liverRequest())
                                                .path("id")
                                                .asString(),
                        null),
                new Case(
                        "PUT",
                        "/api/v1/transplant-requests/{id}/clinical",
                        Registry::patientWithProfile,
                        owner ->
                                "/api/v1/transplant-requests/"
                                        + Registry.request(owner, Registry.liverRequest())
                                                .path("id")
                                                .asString()
                                        + "/clinical",
                        "{\"liver\": {\"bilirubin\": {\"value\": 3.2, \"unit\": \"mg/dL\"},"
                                + " \"inr\": 1.8, \"creatinine\": {\"value\": 1.4, \"unit\":"
                                + " \"mg/dL\"}, \"sodium\": 130.0, \"albumin\": {\"value\": 2.8,"
                                + " \"unit\": \"g/dL\"}, \"dialysedTwiceInPastWeek\": false}}"),
                new Case(
                        "GET",
                        "/api/v1/donors/{accountId}",
                        Registry::donorWithProfile,
                        owner -> "/api/v1/donors/" + owner.id(),
                        null),
                new Case(
                        "GET",
                        "/api/v1/patients/{accountId}",
                        Registry::patientWithProfile,
                        owner -> "/api/v1/patients/" + owner.id(),
                        null),
                new Case(
                        "GET",
                        "/api/v1/documents/{id}",
                        Accounts::donor,
                        OwnershipCases::document,
                        null),
                new Case(
                        "GET",
                        "/api/v1/documents/{id}/content",
                        Accounts::patient,
                        owner -> document(owner) + "/content",
                        null),
                // Matching routes act for coordinators: a donor or patient who is no party to the
                // record gets 404 like for any record not theirs (the party itself gets 403,
                // MatchRunIntegrationTest and MatchApprovalIntegrationTest).
                new Case(
                        "POST",
                        "/api/v1/transplant-requests/{id}/match-runs",
                        Accounts::coordinator,
                        owner ->
                                "/api/v1/transplant-requests/"
                                        + Registry.request(
                                                        Registry.patientWithProfile(),
                                                        Registry.liverRequest())
                                                .path("id")
                                                .asString()
                                        + "/match-runs",
                        "{}"),
                new Case(
                        "GET",
                        "/api/v1/transplant-requests/{id}/match-runs",
                        Accounts::coordinator,
                        owner ->
                                "/api/v1/transplant-requests/"
                                        + Matching.livePair(owner).requestId()
                                        + "/match-runs",
                        null),
                new Case(
                        "GET",
                        "/api/v1/match-runs/{id}",
                        Accounts::coordinator,
                        owner ->
                                "/api/v1/match-runs/"
                                        + Matching.livePair(owner).run().path("id").asString(),
                        null),
                new Case(
                        "POST",
                        "/api/v1/match-runs/{id}/proposals",
                        Accounts::coordinator,
                        owner ->
                                "/api/v1/match-runs/"
                                        + Matching.livePair(owner).run().path("id").asString()
                                        + "/proposals",
                        "{\"throughRank\": 1}"),
                new Case(
                        "GET",
                        "/api/v1/matches/{id}",
                        Accounts::coordinator,
                        owner -> "/api/v1/matches/" + Matching.livePair(owner).matchId(),
                        null),
                new Case(
                        "POST",
                        "/api/v1/matches/{id}/approve",
                        Accounts::coordinator,
                        owner ->
                                "/api/v1/matches/"
                                        + Matching.livePair(owner).matchId()
                                        + "/approve",
                        "{}"),
                new Case(
                        "POST",
                        "/api/v1/matches/{id}/decline",
                        Accounts::coordinator,
                        owner ->
                                "/api/v1/matches/"
                                        + Matching.livePair(owner).matchId()
                                        + "/decline",
                        "{\"reason\": \"LOGISTICS\"}"),
                // Allocation acts for coordinators too: the pledge's donor gets 403
                // (AllocationRunIntegrationTest), any other donor or patient 404.
                new Case(
                        "POST",
                        "/api/v1/pledges/{id}/allocation-runs",
                        Accounts::coordinator,
                        owner -> "/api/v1/pledges/" + verifiedCornea(owner) + "/allocation-runs",
                        "{}"),
                new Case(
                        "GET",
                        "/api/v1/allocation-runs/{id}",
                        Accounts::coordinator,
                        owner ->
                                "/api/v1/allocation-runs/"
                                        + owner.client()
                                                .post(
                                                        "/api/v1/pledges/"
                                                                + verifiedCornea(owner)
                                                                + "/allocation-runs",
                                                        "{}")
                                                .text("id"),
                        null));
    }

    /** A verified cornea pledge (a small waiting list: the quickest allocation run). */
    private static String verifiedCornea(Accounts.SignedIn coordinator) {
        return Matching.verifiedPledge(
                Registry.donorWithProfile(), Registry.corneaPledge(), coordinator);
    }

    private static String pledge(Accounts.SignedIn owner) {
        return "/api/v1/pledges/" + Registry.pledgeId(owner, Registry.kidneyPledge());
    }

    private static String document(Accounts.SignedIn owner) {
        return "/api/v1/documents/"
                + owner.client()
                        .upload("/api/v1/documents", SampleFiles.pdfUpload("OTHER", "o.pdf"))
                        .text("id");
    }

    private OwnershipCases() {}
}
