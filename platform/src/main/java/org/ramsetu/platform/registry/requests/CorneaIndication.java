package org.ramsetu.platform.registry.requests;

/**
 * Why a patient needs a corneal graft; optical grafts need endothelial cell density above 2,000
 * cells/mm² (docs/domain.md).
 */
public enum CorneaIndication {
    /** To restore sight (e.g. corneal scar, keratoconus, endothelial failure). */
    OPTICAL,
    /** To restore the integrity of the eye (perforation, thinning). */
    TECTONIC,
    /** To remove infected tissue that does not respond to treatment. */
    THERAPEUTIC
}
