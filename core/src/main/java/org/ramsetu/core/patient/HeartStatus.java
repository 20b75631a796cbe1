package org.ramsetu.core.patient;

/** US adult heart allocation status (OPTN Policy 6, 2018): 1 most urgent … 6; 7 inactive. */
public enum HeartStatus {
    STATUS_1(1),
    STATUS_2(2),
    STATUS_3(3),
    STATUS_4(4),
    STATUS_5(5),
    STATUS_6(6),
    INACTIVE_7(7);

    private final int code;

    HeartStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static HeartStatus of(int code) {
        for (HeartStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new org.ramsetu.core.InvalidClinicalValueException(
                "heartStatus", "heartStatus must be between 1 and 7 (was " + code + ")");
    }
}
