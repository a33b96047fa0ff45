package dev.copilotsuite.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * An RSA key pair made for this test JVM and written as PEM files, so no key is ever committed.
 * Services verify tokens with the public key; tests and calling services sign with the private one.
 */
public final class TestKeys {

    private static TestKeys instance;

    private final Path publicKey;
    private final Path privateKey;

    /** JVM-wide, since Quarkus loads test classes and test resources in different class loaders. */
    static final String DIR_PROPERTY = "copilot.test.keys.dir";

    private TestKeys(Path dir, boolean generate) {
        publicKey = dir.resolve("jwt-public.pem");
        privateKey = dir.resolve("jwt-private.pem");
        if (!generate) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot make test keys", e);
        }
    }

    public static TestKeys get() {
        synchronized (System.class) {
            if (instance == null) {
                String existing = System.getProperty(DIR_PROPERTY);
                if (existing != null) {
                    instance = new TestKeys(Path.of(existing), false);
                } else {
                    try {
                        Path dir = Files.createTempDirectory("copilot-keys");
                        instance = new TestKeys(dir, true);
                        System.setProperty(DIR_PROPERTY, dir.toString());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            return instance;
        }
    }

    public Path publicKey() {
        return publicKey;
    }

    public Path privateKey() {
        return privateKey;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
