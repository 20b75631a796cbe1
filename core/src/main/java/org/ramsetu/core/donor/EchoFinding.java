package org.ramsetu.core.donor;

/** Echocardiography summary when no ejection fraction is reported. */
public enum EchoFinding {
    NORMAL,
    ABNORMAL
}
