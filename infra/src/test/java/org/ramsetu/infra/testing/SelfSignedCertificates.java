package org.ramsetu.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** Certificates for TLS tests, as PEM files the way a certificate manager leaves them. */
public final class SelfSignedCertificates {

    private SelfSignedCertificates() {}

    /**
     * A self-signed certificate for localhost made by the JDK's keytool, written as PEM files
     * {@code base.crt} and {@code base.key}, as a certificate manager leaves them.
     */
    public static Certificate forLocalhost(String name, Path base) throws Exception {
        Path store = Path.of(base + ".p12");
        Process keytool =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "keytool")
                                        .toString(),
                                "-genkeypair",
                                "-alias",
                                "tls",
                                "-keyalg",
                                "EC",
                                "-groupname",
                                "secp256r1",
                                "-dname",
                                "CN=localhost,O=RamSetu test " + name,
                                "-ext",
                                "san=dns:localhost,ip:127.0.0.1",
                                "-validity",
                                "2",
                                "-keystore",
                                store.toString(),
                                "-storetype",
                                "PKCS12",
                                "-storepass",
                                "test-store",
                                "-keypass",
                                "test-store")
                        .redirectErrorStream(true)
                        .start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "test-store".toCharArray());
        }
        X509Certificate certificate = (X509Certificate) keys.getCertificate("tls");
        PrivateKey key = (PrivateKey) keys.getKey("tls", "test-store".toCharArray());
        Files.writeString(Path.of(base + ".crt"), pem("CERTIFICATE", certificate.getEncoded()));
        Files.writeString(Path.of(base + ".key"), pem("PRIVATE KEY", key.getEncoded()));
        return certificate;
    }

    private static String pem(String type, byte[] der) throws IOException {
        return "-----BEGIN "
                + type
                + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END "
                + type
                + "-----\n";
    }
}
