package org.ramsetu.platform.allocation.policies;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every allocation policy version the platform knows (the files under {@code allocation-policies/}
 * on the class path), and which one is active ({@code ramsetu.allocation.policy}). Loaded and
 * checked at start-up: a malformed file, two files with one id or an unknown active id stop the
 * start with a message naming the file, field or id.
 */
public final class AllocationPolicies {

    public static final String LOCATION = "classpath*:allocation-policies/*.json";

    private final Map<String, LoadedPolicy> byId;
    private final LoadedPolicy active;

    private AllocationPolicies(Map<String, LoadedPolicy> byId, LoadedPolicy active) {
        this.byId = byId;
        this.active = active;
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
        return new AllocationPolicies(byId, active);
    }

    public LoadedPolicy active() {
        return active;
    }

    public Optional<LoadedPolicy> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<LoadedPolicy> all() {
        return byId.values();
    }
}
