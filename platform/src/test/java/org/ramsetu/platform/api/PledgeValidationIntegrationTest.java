package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ramsetu.platform.api.Registry.fields;
import static org.ramsetu.platform.api.Registry.json;
import static org.ramsetu.platform.api.Registry.kidneyPledge;
import static org.ramsetu.platform.api.Registry.with;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pledge test results are typed and checked per organ by the clinical core: a wrong unit or an
 * implausible value is a 400 naming the field, as the donor's form has it.
 */
class PledgeValidationIntegrationTest {

    private static Accounts.SignedIn donor;

    @BeforeAll
    static void signUp() {
        donor = Registry.donorWithProfile();
    }

    @Test
    void aValueInAnUnknownUnitIsRefusedNamingTheUnitField() {
        var response =
                pledge(
                        with(
                                kidneyPledge(),
                                "kidney.creatinine",
                                json("value", 1.1, "unit", "mg/L")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("kidney.creatinine.unit");
        assertThat(response.text("detail")).contains("mg/dL or µmol/L").contains("'mg/L'");
    }

    @Test
    void aValueInTheOtherUnitIsConvertedAndAnImplausibleOneRefused() {
        // 110 µmol/L is 1.24 mg/dL; 110 mg/dL would be incompatible with life.
        var micromoles =
                pledge(
                        with(
                                kidneyPledge(),
                                "kidney.creatinine",
                                json("value", 110.0, "unit", "umol/L")));
        var implausible =
                pledge(
                        with(
                                kidneyPledge(),
                                "kidney.creatinine",
                                json("value", 110.0, "unit", "mg/dL")));

        assertThat(micromoles.status()).as(micromoles.toString()).isEqualTo(201);
        var creatinine = micromoles.json().path("kidney").path("creatinine");
        assertThat(creatinine.path("unit").asString()).isEqualTo("mg/dL");
        assertThat(creatinine.path("value").asDouble()).isCloseTo(1.244, within(0.001));
        assertThat(implausible.status()).isEqualTo(400);
        assertThat(fields(implausible)).containsExactly("kidney.creatinine");
        assertThat(implausible.text("detail")).contains("between 0.1 and 25 mg/dL");
    }

    @Test
    void eachOrgansValuesAreCheckedAgainstTheirPlausibleRanges() {
        Map<String, Map<String, Object>> cases =
                Map.of(
                        "liver.inr", with(Registry.liverPledge(), "liver.inr", 45.0),
                        "liver.bilirubin",
                                with(
                                        Registry.liverPledge(),
                                        "liver.bilirubin",
                                        json("value", 250.0, "unit", "mg/dL")),
                        "heart.lvef", with(Registry.heartPledge(), "heart.lvef", 120.0),
                        "cornea.endothelialCellDensity",
                                with(
                                        Registry.corneaPledge(),
                                        "cornea.endothelialCellDensity",
                                        9000.0),
                        "cornea.deathToEnucleationHours",
                                with(
                                        Registry.corneaPledge(),
                                        "cornea.deathToEnucleationHours",
                                        -1.0));

        cases.forEach(
                (field, body) -> {
                    var response = pledge(body);
                    assertThat(response.status()).as(field + ": " + response).isEqualTo(400);
                    assertThat(fields(response)).as(field).containsExactly(field);
                });
    }

    @Test
    void categoricalResultsNameTheirAllowedValues() {
        var response = pledge(with(kidneyPledge(), "kidney.renalFunction", "GREAT"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("kidney.renalFunction");
        assertThat(response.text("detail")).contains("NORMAL, MILD_IMPAIRMENT, OTHER");
    }

    @Test
    void theOrganAndConsentAreRequiredAndResultsForAnotherOrganRefused() {
        var lung = pledge(with(kidneyPledge(), "organ", "LUNG"));
        var noConsent = pledge(with(kidneyPledge(), "consent", false));
        Map<String, Object> withoutConsent = kidneyPledge();
        withoutConsent.remove("consent");
        var missingConsent = pledge(withoutConsent);
        Map<String, Object> mixed = kidneyPledge();
        mixed.put("liver", json("inr", 1.1));
        var otherOrgan = pledge(mixed);

        assertThat(lung.status()).isEqualTo(400);
        assertThat(fields(lung)).containsExactly("organ");
        assertThat(lung.text("detail")).contains("KIDNEY, LIVER, HEART, CORNEA");
        assertThat(noConsent.status()).isEqualTo(400);
        assertThat(fields(noConsent)).containsExactly("consent");
        assertThat(missingConsent.status()).isEqualTo(400);
        assertThat(fields(missingConsent)).containsExactly("consent");
        assertThat(otherOrgan.status()).isEqualTo(400);
        assertThat(fields(otherOrgan)).containsExactly("liver");
    }

    @Test
    void fieldsOutsideTheRequestAreRefusedSoNobodySetsTheirOwnStatus() {
        Map<String, Object> body = kidneyPledge();
        body.put("status", "VERIFIED");

        var response = pledge(body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("status");
    }

    private static ApiClient.Response pledge(Map<String, Object> body) {
        return donor.client().post("/api/v1/pledges", body);
    }
}
