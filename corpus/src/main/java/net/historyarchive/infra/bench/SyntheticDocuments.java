package net.historyarchive.infra.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic synthetic catalog records (same seed, same documents) in the catalog's import
 * format, shaped like the seed page: a titled record of a conversation, memo or telegram with a
 * summary, a date of some precision, people and places. Enough for load and import measurements;
 * the realistic Zipfian corpus generator is a separate piece of work.
 */
public final class SyntheticDocuments {

    private static final String[] TYPES = {"LETTER", "MEMORANDUM", "TELEGRAM", "RECORD_OF_CONVERSATION", "JOURNAL", "REPORT"};
    private static final String[] TITLE_FORMS = {"Record of a Conversation between %s and %s", "Telegram from %s to %s",
            "Memorandum of %s on talks with %s", "Journal of %s, meeting with %s", "Letter from %s to %s"};
    private static final String[] PEOPLE = {"Mao Zedong", "Kim Il Sung", "Peng Dehuai", "Anastas Mikoyan", "A.M. Puzanov",
            "Zhou Enlai", "Nikita Khrushchev", "Pak Hon-yong", "Choe Yong-geon", "Kim Tu-bong", "Ri Dong-yong", "Lazarev",
            "V. Ponomarev", "Jeong Il-yong", "Kosto Bogdanov", "Liu Shaoqi", "Deng Xiaoping", "Syngman Rhee", "Terenty Shtykov",
            "Ivan Chistyakov", "Nam Il", "Pak Chang-ok", "Choe Chang-ik", "Kim Chang-man", "Máo Zédōng"};
    private static final String[] PLACES = {"Pyongyang", "Beijing", "Moscow", "Seoul", "Kaesong", "Panmunjom", "Wonsan",
            "Shenyang", "Vladivostok", "Hamhung", "Tokyo", "Washington"};
    private static final String[] SUBJECTS = {"August Plenum Incident", "Sino-North Korean relations", "Korean War armistice",
            "economic aid", "Soviet Koreans", "land reform", "reunification", "Korean Workers' Party", "prisoners of war"};
    private static final String[] WORDS = ("the delegation discussed question of economic aid party leadership central "
            + "committee plenum embassy ambassador minister foreign affairs relations agreement trade talks cooperation "
            + "resolution conference meeting report situation development policy government army people republic "
            + "comrade informed asked explained noted that would should could not have been with from about during "
            + "after before their this which also further several members state farm industry reconstruction").split(" ");

    private final Random random;

    public SyntheticDocuments(long seed) {
        this.random = new Random(seed);
    }

    /** One document as an NDJSON line (no trailing newline). */
    public String nextLine() {
        String a = pick(PEOPLE);
        String b = pick(PEOPLE);
        String title = String.format(pick(TITLE_FORMS), a, b);
        StringBuilder summary = new StringBuilder(a).append(" and ").append(b);
        int words = 25 + random.nextInt(50);
        for (int i = 0; i < words; i++) {
            summary.append(' ').append(pick(WORDS));
            if (i % 12 == 11) {
                summary.append(" in ").append(pick(PLACES)).append('.');
            }
        }
        LocalDate day = LocalDate.of(1945, 1, 1).plusDays(random.nextInt(365 * 40));
        String precision = random.nextInt(10) < 7 ? "DAY" : random.nextBoolean() ? "MONTH" : "YEAR";
        return "{\"title\":" + quote(title)
                + ",\"summary\":" + quote(summary.toString())
                + ",\"date\":{\"start\":\"" + day + "\",\"precision\":\"" + precision + "\"}"
                + ",\"documentType\":\"" + pick(TYPES) + "\""
                + ",\"languages\":[\"ru\"]"
                + ",\"people\":" + array(a, b)
                + ",\"places\":" + array(pick(PLACES))
                + ",\"subjects\":" + array(pick(SUBJECTS))
                + ",\"source\":{\"repository\":\"AVPRF\",\"fond\":\"0102\",\"opis\":\"" + random.nextInt(20)
                + "\",\"delo\":\"" + random.nextInt(100) + "\"}}";
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String array(String... values) {
        List<String> quoted = new ArrayList<>();
        for (String v : values) {
            quoted.add(quote(v));
        }
        return "[" + String.join(",", quoted) + "]";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
