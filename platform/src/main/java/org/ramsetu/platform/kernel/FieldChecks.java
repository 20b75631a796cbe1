package org.ramsetu.platform.kernel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.InvalidClinicalValueException;

/**
 * Checks a form field by field and refuses it once, naming every field that failed: a coordinator
 * entering a donor record at a bedside fixes all of it in one pass instead of one field per submit.
 * Each check is one of the usual ones ({@link Fields}, the clinical core); a refusal of the request
 * as a whole is not a field error and passes through at once.
 */
public final class FieldChecks {

    private final Map<String, String> errors = new LinkedHashMap<>();

    /** The checked value, or null when the check failed (its error is kept for {@link #done}). */
    public <T> @Nullable T check(Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidClinicalValueException e) {
            errors.putIfAbsent(e.field(), e.getMessage());
        } catch (InvalidInput e) {
            if (!e.namesFields()) {
                throw e;
            }
            e.fieldErrors().forEach(errors::putIfAbsent);
        }
        return null;
    }

    /** Records a failure found by the caller itself, e.g. a rule across two fields. */
    public void refuse(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    /**
     * @throws DomainException InvalidInput naming every failed field, in the order checked
     */
    public void done() {
        if (!errors.isEmpty()) {
            throw InvalidInput.fields(errors);
        }
    }
}
