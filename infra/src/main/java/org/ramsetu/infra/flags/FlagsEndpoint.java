package org.ramsetu.infra.flags;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import tools.jackson.core.type.TypeReference;

/**
 * {@code /actuator/flags}: every flag as this instance evaluates it, one flag with its recent
 * history, and changes at run time ({@code POST /actuator/flags/{key}} with the fields to change).
 * Coordinators only, like every operations endpoint; each change is written to the flag's history
 * and to the coordinator's audit entry with the flag before and after (docs/feature-flags.md).
 */
@Endpoint(id = "flags")
public class FlagsEndpoint {

    private static final int HISTORY = 20;
    private static final TypeReference<List<FlagRule>> RULES = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> FACTS = new TypeReference<>() {};

    private final FeatureFlagStore store;
    private final PostgresFeatureProvider provider;
    private final FlagChangeNotifier notifier;

    public FlagsEndpoint(
            FeatureFlagStore store, PostgresFeatureProvider provider, FlagChangeNotifier notifier) {
        this.store = store;
        this.provider = provider;
        this.notifier = notifier;
    }

    @ReadOperation
    public Map<String, Object> flags() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("environment", provider.environment());
        answer.put("readAt", provider.snapshot().readAt().toString());
        answer.put("flags", store.all());
        return answer;
    }

    @ReadOperation
    public Map<String, Object> flag(@Selector String key) {
        FeatureFlag flag =
                store.find(flagKey(key))
                        .orElseThrow(
                                () -> new InvalidEndpointRequestException("no flag " + key, null));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("flag", flag);
        answer.put("history", store.history(key, HISTORY));
        return answer;
    }

    /**
     * Changes the fields given and keeps the others; creates the flag when it does not exist (then
     * {@code variants} is required). {@code variants} (a JSON object) and {@code rules} (a JSON
     * list) are JSON text. {@code defaultVariant: ""} removes the default variant (the callers' own
     * defaults apply when no rule matches).
     */
    @WriteOperation
    public Map<String, Object> change(
            @Selector String key,
            @Nullable Boolean enabled,
            @Nullable String defaultVariant,
            @Nullable String variants,
            @Nullable String rules,
            @Nullable String description,
            SecurityContext security) {
        flagKey(key); // first: the key is named in what follows, and must fit the index
        String actor =
                Optional.ofNullable(security.getPrincipal()).map(Principal::getName).orElse("?");
        // Actuator reads a write's body as a map of strings, so variants and rules come as JSON
        // text (docs/feature-flags.md has the curl); read here so that a mistake names its field.
        List<FlagRule> newRules;
        Map<String, Object> newVariants;
        try {
            newRules = rules == null ? null : FeatureFlagStore.JSON.readValue(rules, RULES);
        } catch (RuntimeException e) {
            throw new InvalidEndpointRequestException("rules: " + rootMessage(e), "invalid rules");
        }
        try {
            newVariants =
                    variants == null ? null : FeatureFlagStore.JSON.readValue(variants, FACTS);
        } catch (RuntimeException e) {
            throw new InvalidEndpointRequestException(
                    "variants: " + rootMessage(e), "invalid variants");
        }
        FlagChange change;
        try {
            change =
                    store.change(
                            key,
                            actor,
                            current ->
                                    Optional.of(
                                            changed(
                                                    key,
                                                    current,
                                                    enabled,
                                                    defaultVariant,
                                                    newVariants,
                                                    newRules,
                                                    description)));
        } catch (IllegalArgumentException e) {
            throw new InvalidEndpointRequestException(e.getMessage(), e.getMessage());
        }
        // This instance sees the change at once; the others on the notification or the refresh.
        provider.refresh();
        notifier.announce(key);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("flag", key);
        facts.put("before", change.before() == null ? Map.of() : asMap(change.before()));
        facts.put("after", asMap(change.after()));
        ChangeAuditDetails.attach(facts);
        return facts;
    }

    /** A key that cannot be one is the caller's mistake: 400 saying so. */
    private static String flagKey(String key) {
        try {
            return FeatureFlag.checkedKey(key);
        } catch (IllegalArgumentException e) {
            throw new InvalidEndpointRequestException(e.getMessage(), e.getMessage());
        }
    }

    private static FeatureFlag changed(
            String key,
            Optional<FeatureFlag> current,
            Boolean enabled,
            String defaultVariant,
            Map<String, Object> variants,
            List<FlagRule> rules,
            String description) {
        if (current.isEmpty() && variants == null) {
            throw new IllegalArgumentException(
                    "flag " + key + " does not exist: give its variants to create it");
        }
        FeatureFlag was = current.orElse(null);
        String newDefault =
                defaultVariant != null
                        ? (defaultVariant.isBlank() ? null : defaultVariant)
                        : was == null ? null : was.defaultVariant();
        return new FeatureFlag(
                key,
                description != null ? description : was == null ? "" : was.description(),
                enabled != null ? enabled : was == null || was.enabled(),
                newDefault,
                variants != null ? variants : was.variants(),
                rules != null ? rules : was == null ? List.of() : was.rules(),
                was == null ? 0 : was.version(),
                null,
                null);
    }

    private static Map<String, Object> asMap(FeatureFlag flag) {
        return FeatureFlagStore.JSON.convertValue(flag, FACTS);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
