package org.ramsetu.platform.registry.requests;

import org.ramsetu.platform.registry.common.Fields;

/**
 * The cornea candidate's indication.
 *
 * @param indication {@code OPTICAL}, {@code TECTONIC} or {@code THERAPEUTIC}
 */
public record CorneaValues(String indication) implements ClinicalValues {

    CorneaValues checked() {
        return new CorneaValues(
                Fields.requiredEnum("cornea.indication", indication, CorneaIndication.class)
                        .name());
    }
}
