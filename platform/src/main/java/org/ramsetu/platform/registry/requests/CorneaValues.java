package org.ramsetu.platform.registry.requests;

import org.ramsetu.platform.kernel.Fields;
import org.springframework.modulith.NamedInterface;

/**
 * The cornea candidate's indication.
 *
 * @param indication {@code OPTICAL}, {@code TECTONIC} or {@code THERAPEUTIC}
 */
@NamedInterface("requests")
public record CorneaValues(String indication) implements ClinicalValues {

    CorneaValues checked() {
        return new CorneaValues(
                Fields.requiredEnum("cornea.indication", indication, CorneaIndication.class)
                        .name());
    }
}
