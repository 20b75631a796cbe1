package org.ramsetu.infra.settings;

/**
 * Names of the Spring Boot SSL bundles made from {@link RamsetuSettings.Tls}: the launcher declares
 * them from the settings, the features that need them ask Spring's {@code SslBundles} by name.
 */
public final class TlsBundles {

    /** The certificate and key this process serves its port with. */
    public static final String SERVER = "ramsetu-server";

    /** The CAs trusted for calls to another target (RAMSETU_TLS_TRUSTED_CERTIFICATES). */
    public static final String TRUSTED = "ramsetu-trusted";

    private TlsBundles() {}
}
