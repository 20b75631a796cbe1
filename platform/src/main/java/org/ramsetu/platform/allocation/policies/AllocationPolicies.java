package org.ramsetu.platform.allocation.policies;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.Value;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.flags.FlagKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every allocation policy version the platform knows (the files under {@code allocation-policies/}
 * on the class path), and which one is active ({@code ramsetu.allocation.policy}). Loaded and
 * checked at start-up: a malformed file, two files with one id or an unknown active id stop the
 * start with a message naming the file, field or id.
 *
 * <p>A new run's policy may be moved off the active one by the flag {@code
 * allocation.policy-version} ({@link #forRun}): a canary of a new version on a share of organs,
 * bucketed by pledge id so that a pledge keeps its version however often it is ranked
 * (docs/feature-flags.md).
 */
public final class AllocationPolicies {

    public static final String LOCATION = "classpath*:allocation-policies/*.json";

    private static final Logger log = LoggerFactory.getLogger(AllocationPolicies.class);

    private final Map<String, LoadedPolicy> byId;
    private final LoadedPolicy active;
    private final Client flags;

    private AllocationPolicies(Map<String, LoadedPolicy> byId, LoadedPolicy active, Client flags) {
        this.byId = byId;
        this.active = active;
        this.flags = flags;
    }

    /** The bundled policies, with {@code activeId} active. */
    public static AllocationPolicies load(String activeId) {
        List<LoadedPolicy> loaded = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                String name = "allocation-policies/" + r.getFilename();
                try (InputStream in = r.getInputStream()) {
                    loaded.add(PolicyReader.read(name, in.readAllBytes()));
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + LOCATION, e);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "invalid allocation policy files:\n  " + String.join("\n  ", problems));
        }
        return of(loaded, activeId);
    }

    public static AllocationPolicies of(List<LoadedPolicy> policies, String activeId) {
        Map<String, LoadedPolicy> byId = new TreeMap<>();
        for (LoadedPolicy p : policies) {
            if (byId.put(p.id(), p) != null) {
                throw new IllegalStateException(
                        "two allocation policy files have the id " + p.id());
            }
        }
        LoadedPolicy active = byId.get(activeId);
        if (active == null) {
            throw new IllegalStateException(
                    "ramsetu.allocation.policy="
                            + activeId
                            + " is not a known allocation policy; known: "
                            + String.join(", ", byId.keySet()));
        }
        return new AllocationPolicies(byId, active, null);
    }

    /** These policies, with new runs' versions chosen by the flag (null: always the active one). */
    public AllocationPolicies choosingBy(Client flags) {
        return new AllocationPolicies(byId, active, flags);
    }

    /** The configured version; what every run uses unless the flag moves it. */
    public LoadedPolicy active() {
        return active;
    }

    /**
     * The policy of a new run for a pledge: the version the flag {@code allocation.policy-version}
     * gives this pledge (its targeting key; the organ is an attribute), else the active one. A
     * version the flag names but this release does not know is not used: the run keeps the active
     * policy and the log says why, since ranking an organ must not fail on a flag.
     */
    public LoadedPolicy forRun(UUID pledgeId, Organ organ) {
        if (flags == null) {
            return active;
        }
        String id =
                flags.getStringValue(
                        FlagKeys.ALLOCATION_POLICY_VERSION,
                        active.id(),
                        new ImmutableContext(
                                pledgeId.toString(), Map.of("organ", new Value(organ.name()))));
        LoadedPolicy chosen = byId.get(id);
        if (chosen == null) {
            log.warn(
                    "Flag {} names the unknown allocation policy {}; pledge {} is ranked under {}",
                    FlagKeys.ALLOCATION_POLICY_VERSION,
                    id,
                    pledgeId,
                    active.id());
            chosen = active;
        }
        Counter.builder("ramsetu.allocation.policy.runs")
                .description("Allocation runs by the policy version chosen for them")
                .tag("policy", chosen.id())
                .tag("canary", String.valueOf(!chosen.id().equals(active.id())))
                .register(Metrics.globalRegistry)
                .increment();
        return chosen;
    }

    public Optional<LoadedPolicy> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<LoadedPolicy> all() {
        return byId.values();
    }
}
