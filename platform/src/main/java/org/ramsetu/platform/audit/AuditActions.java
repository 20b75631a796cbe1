package org.ramsetu.platform.audit;

/** The names of audited actions, shared by writers and the audit viewer's filter. */
public final class AuditActions {

    public static final String SIGNUP = "SIGNUP";
    public static final String CODE_SENT = "CODE_SENT";
    public static final String EMAIL_VERIFIED = "EMAIL_VERIFIED";
    public static final String CODE_REJECTED = "CODE_REJECTED";
    public static final String LOGIN_SUCCEEDED = "LOGIN_SUCCEEDED";
    public static final String LOGIN_FAILED = "LOGIN_FAILED";
    public static final String LOGIN_LOCKED_OUT = "LOGIN_LOCKED_OUT";
    public static final String RATE_LIMITED = "RATE_LIMITED";
    public static final String REFRESH_TOKEN_REUSED = "REFRESH_TOKEN_REUSED";
    public static final String LOGOUT = "LOGOUT";
    public static final String SESSIONS_REVOKED = "SESSIONS_REVOKED";
    public static final String SECOND_FACTOR_ENROLLED = "SECOND_FACTOR_ENROLLED";
    public static final String SECOND_FACTOR_FAILED = "SECOND_FACTOR_FAILED";
    public static final String SECOND_FACTOR_LOCKED_OUT = "SECOND_FACTOR_LOCKED_OUT";
    public static final String SECOND_FACTOR_STEP_UP = "SECOND_FACTOR_STEP_UP";
    public static final String SECOND_FACTOR_RESET = "SECOND_FACTOR_RESET";
    public static final String RECOVERY_CODE_USED = "RECOVERY_CODE_USED";
    public static final String RECOVERY_CODES_REPLACED = "RECOVERY_CODES_REPLACED";
    public static final String PASSWORD_RESET_REQUESTED = "PASSWORD_RESET_REQUESTED";
    public static final String PASSWORD_RESET = "PASSWORD_RESET";
    public static final String ROLE_GRANTED = "ROLE_GRANTED";
    public static final String ACCESS_DENIED = "ACCESS_DENIED";
    public static final String MEDICAL_RECORD_READ = "MEDICAL_RECORD_READ";
    public static final String COORDINATOR_REQUEST = "COORDINATOR_REQUEST";

    private AuditActions() {}
}
