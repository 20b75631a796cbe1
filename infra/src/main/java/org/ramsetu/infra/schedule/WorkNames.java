package org.ramsetu.infra.schedule;

import java.util.regex.Pattern;

final class WorkNames {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*");
    private static final Pattern INSTANCE = Pattern.compile("[A-Za-z0-9._:@-]{1,200}");

    private WorkNames() {}

    static String check(String name) {
        if (name == null || name.length() > 100 || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "work name must be dotted lower-case words, at most 100 characters: " + name);
        }
        return name;
    }

    static String checkInstance(String instance) {
        if (instance == null || !INSTANCE.matcher(instance).matches()) {
            throw new IllegalArgumentException(
                    "instance id must be 1-200 of A-Z a-z 0-9 . _ : @ -, got: " + instance);
        }
        return instance;
    }
}
