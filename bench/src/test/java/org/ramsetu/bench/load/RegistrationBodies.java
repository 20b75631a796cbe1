package org.ramsetu.bench.load;

/**
 * The bodies a new donor and a new patient send, as in the README's walk-through. Every person of
 * the load test gets the same values: what varies per person (e-mail, address) is in the session.
 */
final class RegistrationBodies {

    private RegistrationBodies() {}

    static String donorProfile() {
        return """
                {"bloodGroup": "O+", "dateOfBirth": "1985-04-12", "sex": "FEMALE",
                 "heightCm": 162.5, "weightKg": 58.0,
                 "location": {"city": "Pune", "state": "Maharashtra",
                              "latitude": 18.5204, "longitude": 73.8567},
                 "hla": {"a": ["A2", "A24"], "b": ["B7", "B44"], "dr": ["DR15"]},
                 "medicalHistory": {"hypertension": false, "diabetes": false, "notes": "none"},
                 "consent": true}""";
    }

    static String kidneyPledge() {
        return """
                {"organ": "KIDNEY", "consent": true,
                 "kidney": {"creatinine": {"value": 0.9, "unit": "mg/dL"},
                            "renalFunction": "NORMAL", "imaging": "NORMAL",
                            "cardiacRisk": "GOOD"}}""";
    }

    static String patientProfile() {
        return """
                {"bloodGroup": "B+", "dateOfBirth": "1968-09-30", "sex": "FEMALE",
                 "heightCm": 158.0, "weightKg": 61.5,
                 "hla": {"a": ["A1", "A2"], "b": ["B8", "B44"], "dr": ["DR3", "DR4"]},
                 "unacceptableAntigens": ["A3", "B7"],
                 "hospital": {"name": "KEM Hospital", "city": "Mumbai", "state": "Maharashtra",
                              "latitude": 19.0022, "longitude": 72.8416}}""";
    }

    static String kidneyRequest() {
        return """
                {"organ": "KIDNEY", "urgency": 3,
                 "kidney": {"dialysisStartDate": "2023-02-01", "diabetes": true,
                            "priorTransplant": false}}""";
    }
}
