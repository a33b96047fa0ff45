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

    private TestKeys(Path dir) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            publicKey = dir.resolve("jwt-public.pem");
            privateKey = dir.resolve("jwt-private.pem");
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot make test keys", e);
        }
    }

    public static synchronized TestKeys get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("copilot-keys");
                dir.toFile().deleteOnExit();
                instance = new TestKeys(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
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
