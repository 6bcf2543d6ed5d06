package net.historyarchive.deploychecks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Facts about the development token tool (test-infra's DevToken.java), read as source text. */
final class DevTokenSource {

    static final String PATH = "test-infra/src/main/java/net/historyarchive/infra/DevToken.java";

    private DevTokenSource() {
    }

    static String issuer() {
        Matcher m = Pattern.compile("ISSUER\\s*=\\s*\"([^\"]+)\"").matcher(Repo.read(PATH));
        if (!m.find()) {
            throw new AssertionError(PATH + " declares no ISSUER");
        }
        return m.group(1);
    }

    /** Where the single-file program reads the private key, relative to its working directory. */
    static String keyFile() {
        Matcher m = Pattern.compile("KEY_FILE\\s*=\\s*Path\\.of\\(\"([^\"]+)\"\\)").matcher(Repo.read(PATH));
        if (!m.find()) {
            throw new AssertionError(PATH + " declares no KEY_FILE");
        }
        return m.group(1);
    }
}
