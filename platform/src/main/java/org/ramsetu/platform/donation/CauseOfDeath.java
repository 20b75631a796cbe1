package org.ramsetu.platform.donation;

/**
 * The cause of death as deceased-donor registries code it. KDRI counts only one of them: death from
 * a cerebrovascular accident (stroke, haemorrhagic or ischaemic).
 */
public enum CauseOfDeath {
    CEREBROVASCULAR,
    HEAD_TRAUMA,
    ANOXIA,
    CNS_TUMOUR,
    OTHER
}
