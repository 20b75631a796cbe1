package org.ramsetu.core.donor;

/** Slit-lamp/eye-bank assessment when no endothelial cell count is reported. */
public enum EyeHealth {
    GOOD,
    AVERAGE,
    OTHER
}
