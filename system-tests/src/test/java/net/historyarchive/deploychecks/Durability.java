package net.historyarchive.deploychecks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL settings that would make an acknowledged write losable (issue #13): the official
 * images and CloudNativePG keep fsync, synchronous_commit and full_page_writes on by default, so
 * the deployment files must simply never turn them off.
 */
final class Durability {

    private static final Pattern OFFENDER = Pattern.compile(
            "(fsync|full_page_writes)\\W{1,4}(off|false|0)\\b|synchronous_commit\\W{1,4}(off|local|false|0)\\b",
            Pattern.CASE_INSENSITIVE);

    private Durability() {
    }

    /** The settings in this text that turn durability off (empty when none). */
    static List<String> offenders(String settings) {
        List<String> found = new ArrayList<>();
        Matcher m = OFFENDER.matcher(settings);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
