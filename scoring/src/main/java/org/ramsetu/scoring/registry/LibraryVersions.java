package org.ramsetu.scoring.registry;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import ml.dmlc.xgboost4j.java.Booster;

/** The versions a model card records, read from the jars actually on the class path. */
final class LibraryVersions {

    private LibraryVersions() {}

    static Map<String, String> current() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("xgboost4j", xgboostVersion());
        versions.put("java", Runtime.version().toString());
        String ramsetu = LibraryVersions.class.getPackage().getImplementationVersion();
        versions.put("ramsetu", ramsetu == null ? "development" : ramsetu);
        return versions;
    }

    private static String xgboostVersion() {
        try (InputStream in = Booster.class.getResourceAsStream("/xgboost4j-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
