package org.ramsetu.platform.documents;

/** What a document is, as the uploader says (the coordinator checks it when verifying). */
public enum DocumentType {
    ID_PROOF,
    CONSENT_FORM,
    MEDICAL_REPORT,
    IMAGING,
    OTHER
}
