package net.historyarchive.infra.bench.corpus;

import net.historyarchive.infra.bench.corpus.Entities.Country;
import net.historyarchive.infra.bench.corpus.Entities.Named;
import net.historyarchive.infra.bench.corpus.Entities.Repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds one document, in the catalog's import format (DocumentInput as one JSON line), from its
 * own random stream. The shape follows records of the kind on the seed page: an origin country (whose
 * archive holds the document) and a focus country (what it is about), an author who is often a
 * diplomat posted abroad, a counterpart, a title in the genre's usual form, a summary of 30 to 120
 * words, a partial date, and sometimes translated or transcribed body texts.
 */
final class DocumentBuilder implements Lexicon.Slots {

    static final String[] DOCUMENT_TYPES = {"RECORD_OF_CONVERSATION", "TELEGRAM", "MEMORANDUM", "LETTER", "REPORT",
            "JOURNAL", "DIARY", "MINUTES", "RESOLUTION", "DECREE", "SPEECH", "STATEMENT", "TREATY", "NOTE", "TRANSCRIPT",
            "INTERVIEW", "ARTICLE", "OTHER"};
    private static final AliasTable TYPE_WEIGHTS = new AliasTable(
            new double[]{20, 16, 12, 12, 10, 6, 3, 4, 3, 2, 3, 2, 1, 3, 1, 1, 2, 2});
    static final String[] PRECISIONS = {"DAY", "MONTH", "YEAR", "DECADE", "RANGE", "UNKNOWN", "UNDATED"};
    private static final AliasTable PRECISION_WEIGHTS = new AliasTable(new double[]{58, 13, 10, 3, 7, 3, 6});
    private static final String[] QUALIFIERS = {"NONE", "APPROXIMATE", "INFERRED", "UNCERTAIN"};
    private static final AliasTable QUALIFIER_WEIGHTS = new AliasTable(new double[]{85, 6, 6, 3});
    private static final AliasTable YEARS = years();
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};
    private static final String[] UNDATED = {"Undated", "n.d.", "[no date]", "Date unknown", "Undated, probably 1950s",
            "Undated (after 1953)", "No date"};
    private static final String[] EVENTS = {"the conference", "the talks", "the negotiations", "the plenum",
            "the meeting of the delegations", "the party congress", "the session of the Supreme People's Assembly",
            "the border incident", "the celebrations of the anniversary", "the consultations", "the trade fair",
            "the meeting of party activists", "the military exercises", "the elections", "the demonstrations"};
    private static final String[] HEADERS = {"TOP SECRET", "SECRET", "Strictly confidential", "Copy No. 2", "Copy No. 3",
            "Not for publication", "URGENT", "Translated from the original", "[Stamp: received]"};
    private static final String[][] RIGHTS = {
            {"This document is in the public domain.", "https://rightsstatements.org/vocab/NoC-US/1.0/", "PUBLIC_DOMAIN"},
            {"Translation licensed under Creative Commons Attribution 4.0.", "https://creativecommons.org/licenses/by/4.0/", "OPEN_LICENSE"},
            {"May be used for educational and research purposes.", "https://rightsstatements.org/vocab/NoC-NC/1.0/", "EDUCATIONAL_USE"},
            {"In copyright; reproduction needs the permission of the holding archive.", "https://rightsstatements.org/vocab/InC/1.0/", "PERMISSION_REQUIRED"},
            {"Copyright status not evaluated.", "https://rightsstatements.org/vocab/CNE/1.0/", "UNKNOWN"}};

    /** A paragraph break inside a JSON string. */
    private static final String PARAGRAPH = "\\n\\n";

    private final Lexicon lexicon;
    private final Entities entities;
    private final Rng rng;
    private final Typos typos;

    private Country origin;
    private Country focus;
    private Named author;
    private Named counterpart;
    private boolean posted;
    private final Map<Named, String> people = new LinkedHashMap<>();
    private final Map<Named, String> places = new LinkedHashMap<>();
    private String type;
    private String precision;
    private String qualifier;
    private LocalDate start;
    private LocalDate end;

    DocumentBuilder(Lexicon lexicon, Entities entities, Rng rng, Typos typos) {
        this.lexicon = lexicon;
        this.entities = entities;
        this.rng = rng;
        this.typos = typos;
    }

    private static AliasTable years() {
        double[] weights = new double[100];
        for (int i = 0; i < 100; i++) {
            int year = 1900 + i;
            weights[i] = year < 1917 ? 0.3 : year < 1945 ? 1.0 : year < 1950 ? 4.0 : year <= 1962 ? 7.0 : year <= 1991 ? 4.0 : 1.0;
        }
        return new AliasTable(weights);
    }

    /**
     * Appends the document as one line of JSON (no newline) to {@code json}. Summaries and bodies are
     * appended without escaping: they are made of lexicon words, names and phrases, none of which
     * holds a quote, backslash or control character, and paragraph breaks are written escaped.
     */
    void build(StringBuilder json) {
        origin = entities.originCountry(rng);
        focus = rng.chance(0.2) ? origin : entities.focusCountry(rng);
        posted = origin != focus && rng.chance(0.7);
        author = person(origin);
        counterpart = person(focus);
        for (int i = 0; i < 5 && counterpart.equals(author); i++) {
            counterpart = person(focus);
        }
        type = rng.chance(0.98) ? DOCUMENT_TYPES[TYPE_WEIGHTS.sample(rng)] : null;
        date();

        json.append("{\"title\":");
        Json.string(json, title());
        if (rng.chance(0.98)) {
            json.append(",\"summary\":\"");
            summary(json);
            json.append('"');
        }
        appendDate(json);
        if (type != null) {
            json.append(",\"documentType\":\"").append(type).append('"');
        }
        json.append(",\"languages\":[\"").append(origin.language()).append('"');
        if (focus.language().equals(origin.language()) || !rng.chance(0.1)) {
            json.append(']');
        } else {
            json.append(",\"").append(focus.language()).append("\"]");
        }
        appendTexts(json);
        appendSource(json);
        appendRights(json);
        appendSubjects(json);
        appendNames(json, "people", people, 12);
        if (places.isEmpty()) {
            mention(place(focus));
        }
        appendNames(json, "places", places, 8);
        appendMedia(json);
        json.append('}');
    }

    // ---- people, places, organisations -------------------------------------------------------

    private Named person(Country c) {
        return entities.people.get(c.code()).draw(rng);
    }

    private Named place(Country c) {
        return entities.places.get(c.code()).draw(rng);
    }

    private String organisation(Country c) {
        Entities.Pool<String> pool = rng.chance(0.85) ? entities.organisations.get(c.code()) : entities.organisations.get("*");
        return pool.draw(rng);
    }

    /** The spelling this document uses for {@code named} (chosen at its first mention), recording the mention. */
    private String mention(Named named) {
        Map<Named, String> seen = named.place() ? places : people;
        String spelling = seen.get(named);
        if (spelling == null) {
            List<String> v = named.variants();
            spelling = v.size() == 1 || rng.chance(0.85) ? v.get(0) : v.get(1 + rng.nextInt(v.size() - 1));
            seen.put(named, spelling);
        }
        return spelling;
    }

    /** The short form ("Puzanov") once a person has been named in full, as summaries do. */
    private String shortMention(Named person) {
        String spelling = people.get(person);
        if (spelling == null) {
            return mention(person);
        }
        return spelling.equals(person.canonical()) ? person.shortForm() : spelling;
    }

    private String adjective(Country c) {
        return rng.chance(0.75) ? c.adjective() : c.abbreviation();
    }

    /** "Soviet Ambassador to the DPRK A.M. Puzanov", "DPRK Deputy Minister of Foreign Affairs Ri Dong-yong". */
    private String withOffice(Named person, Country c, boolean abroad, Country host) {
        if (person.historical() && rng.chance(0.75)) {
            return mention(person); // a leader needs no office in the title
        }
        String office = abroad ? rng.pick(entities.abroadOffices).replace("{host}", host.name()) : rng.pick(entities.homeOffices);
        return adjective(c) + " " + office + " " + mention(person);
    }

    private String authorWithOffice() {
        return withOffice(author, origin, posted, focus);
    }

    private String counterpartWithOffice() {
        return withOffice(counterpart, focus, false, origin);
    }

    @Override
    public String fill(Lexicon.Kind kind, Rng r) {
        switch (kind) {
            case NATIONALITY_PLURAL -> {
                return plural(r.chance(0.5) ? focus : origin);
            }
            case NAME_POSSESSIVE -> {
                return (r.chance(0.7) ? personInText(r) : placeInText(r)) + "'s";
            }
            default -> {
                double x = r.nextDouble();
                if (x < 0.5) {
                    return personInText(r);
                }
                if (x < 0.8) {
                    return placeInText(r);
                }
                return organisation(r.chance(0.6) ? focus : origin);
            }
        }
    }

    private String personInText(Rng r) {
        if (!people.isEmpty() && r.chance(0.6)) {
            return shortMention(nth(people.keySet(), r.nextInt(people.size())));
        }
        return mention(person(r.chance(0.5) ? focus : origin));
    }

    private String placeInText(Rng r) {
        if (!places.isEmpty() && r.chance(0.5)) {
            return places.get(nth(places.keySet(), r.nextInt(places.size())));
        }
        return mention(place(r.chance(0.7) ? focus : origin));
    }

    private static <T> T nth(Set<T> set, int n) {
        int i = 0;
        for (T t : set) {
            if (i++ == n) {
                return t;
            }
        }
        throw new IllegalArgumentException();
    }

    private static String plural(Country c) {
        String a = c.adjective();
        return switch (a) {
            case "Polish" -> "Poles";
            case "British", "French" -> "the " + a;
            default -> a.endsWith("ese") ? a : a + "s";
        };
    }

    // ---- dates ---------------------------------------------------------------------------------

    private void date() {
        precision = PRECISIONS[PRECISION_WEIGHTS.sample(rng)];
        qualifier = QUALIFIERS[QUALIFIER_WEIGHTS.sample(rng)];
        int year = 1900 + YEARS.sample(rng);
        start = LocalDate.ofYearDay(year, 1 + rng.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
        end = switch (precision) {
            case "RANGE" -> start.plusDays(rng.chance(0.6) ? rng.between(1, 40) : rng.between(41, 900));
            case "MONTH" -> start.withDayOfMonth(start.lengthOfMonth());
            case "YEAR" -> LocalDate.of(year, 12, 31);
            case "DECADE" -> LocalDate.of(year - year % 10 + 9, 12, 31);
            default -> start;
        };
    }

    private boolean dated() {
        return !precision.equals("UNDATED") && !precision.equals("UNKNOWN");
    }

    private void appendDate(StringBuilder json) {
        if (precision.equals("UNDATED")) {
            return;
        }
        json.append(",\"date\":{");
        if (precision.equals("UNKNOWN")) {
            json.append("\"display\":");
            Json.string(json, rng.pick(UNDATED)).append(',');
        } else {
            json.append("\"start\":\"").append(start).append("\",");
            if (precision.equals("RANGE")) {
                json.append("\"end\":\"").append(end).append("\",");
            }
        }
        json.append("\"precision\":\"").append(precision).append('"');
        if (!qualifier.equals("NONE") || rng.chance(0.1)) {
            json.append(",\"qualifier\":\"").append(qualifier).append('"');
        }
        json.append('}');
    }

    /** "28 December 1960" (the form journal titles use), or a coarser form for coarser precisions. */
    private String dateInTitle() {
        return switch (precision) {
            case "DAY" -> start.getDayOfMonth() + " " + MONTHS[start.getMonthValue() - 1] + " " + start.getYear();
            case "MONTH" -> MONTHS[start.getMonthValue() - 1] + " " + start.getYear();
            case "RANGE" -> start.getDayOfMonth() + " " + MONTHS[start.getMonthValue() - 1] + " " + start.getYear() + " – "
                    + end.getDayOfMonth() + " " + MONTHS[end.getMonthValue() - 1] + " " + end.getYear();
            case "DECADE" -> (start.getYear() - start.getYear() % 10) + "s";
            default -> String.valueOf(start.getYear());
        };
    }

    private String monthDay(LocalDate d) {
        return MONTHS[d.getMonthValue() - 1] + " " + d.getDayOfMonth();
    }

    // ---- titles --------------------------------------------------------------------------------

    private String topic() {
        double x = rng.nextDouble();
        if (x < 0.55 || origin == focus) {
            return phrase();
        }
        if (x < 0.75) {
            return "relations between " + rng.pick(origin.names()) + " and " + rng.pick(focus.names());
        }
        return origin.combining() + "-" + focus.adjective() + " relations";
    }

    private String phrase() {
        String phrase = entities.phrases.draw(rng);
        if (phrase.indexOf(' ') < 0) {
            return typos.apply(phrase);
        }
        StringBuilder b = new StringBuilder(phrase.length() + 4);
        for (String word : phrase.split(" ")) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(typos.apply(word));
        }
        return b.toString();
    }

    private String subject(Country c) {
        Entities.Pool<String> pool = rng.chance(0.7) && entities.subjects.containsKey(c.code())
                ? entities.subjects.get(c.code()) : entities.subjects.get("*");
        return pool.draw(rng);
    }

    private String titleTopic() {
        return rng.chance(0.3) ? subject(focus) : topic();
    }

    private String articleTitle() {
        int year = start.getYear();
        return switch (rng.nextInt(4)) {
            case 0 -> "Key Aspects of " + origin.combining() + "-" + focus.adjective() + " relations in " + year;
            case 1 -> "On the Situation in " + rng.pick(focus.names());
            case 2 -> "The Economic Situation of " + rng.pick(focus.names()) + " in " + year;
            default -> Entities.capitalise(titleTopic()) + " in " + year;
        };
    }

    private String title() {
        String a = mention(author);
        String b;
        switch (type == null ? "OTHER" : type) {
            case "RECORD_OF_CONVERSATION" -> {
                return switch (rng.nextInt(6)) {
                    case 0, 1 -> "Record of a Conversation between " + authorWithOffice() + " and " + counterpartWithOffice();
                    case 2 -> "Record of a Conversation with " + counterpartWithOffice();
                    case 3 -> "Memorandum of Conversation between " + a + " and " + mention(counterpart);
                    case 4 -> (rng.chance(0.3) ? "Draft of Record" : "Record") + " of a Meeting between the "
                            + origin.adjective() + " and " + (origin == focus ? "Foreign" : focus.adjective()) + " Delegations";
                    default -> "Minutes of Conversation between " + a + " and " + mention(counterpart);
                };
            }
            case "TELEGRAM" -> {
                return switch (rng.nextInt(4)) {
                    case 0 -> "Telegram from " + a + " to the " + organisation(origin);
                    case 1 -> "Ciphered Telegram from " + authorWithOffice() + " to " + mention(colleague());
                    case 2 -> "Telegram from the " + origin.adjective() + " Embassy in " + mention(capital(focus))
                            + " to the " + origin.ministry();
                    default -> "Telegram No. " + rng.between(1, 999) + " from " + a + " to " + mention(counterpart);
                };
            }
            case "MEMORANDUM" -> {
                return switch (rng.nextInt(4)) {
                    case 0 -> "Memorandum from " + a + " to " + mention(counterpart);
                    case 1 -> "Memo of the " + organisation(origin) + " about " + titleTopic();
                    case 2 -> "Memorandum on " + titleTopic();
                    default -> "Memorandum of the " + organisation(origin) + " on " + titleTopic();
                };
            }
            case "LETTER" -> {
                return switch (rng.nextInt(3)) {
                    case 0 -> "Letter from " + a + " to " + mention(counterpart);
                    case 1 -> "Letter from the " + organisation(origin) + " to the " + organisation(focus);
                    default -> "Letter from " + a + " to " + mention(counterpart) + " on " + titleTopic();
                };
            }
            case "JOURNAL" -> {
                String in = rng.chance(0.5) ? " in " : " to ";
                return dated() && precision.equals("DAY")
                        ? "Journal of " + origin.adjective() + " Ambassador" + in + focus.name() + " " + a + " for " + dateInTitle()
                        : "From the Journal of " + authorWithOffice() + ", Record of a Conversation with " + mention(counterpart);
            }
            case "DIARY" -> {
                return dated()
                        ? (rng.chance(0.5) ? "Diary of " + a + ", " + dateInTitle() : "From the Diary of " + authorWithOffice() + ", " + dateInTitle())
                        : "Excerpt from the Diary of " + a;
            }
            case "REPORT" -> {
                return switch (rng.nextInt(3)) {
                    case 0 -> "Report by " + authorWithOffice() + " on " + titleTopic();
                    case 1 -> "Report on " + titleTopic();
                    default -> "Report of the " + organisation(origin) + " on " + titleTopic();
                };
            }
            case "MINUTES" -> {
                return rng.chance(0.5)
                        ? "Minutes of the " + ordinal(rng.between(1, 40)) + " Meeting of the " + organisation(origin)
                        : "Minutes of Conversation between " + a + " and " + mention(counterpart);
            }
            case "RESOLUTION" -> {
                return "Resolution of the " + organisation(origin) + (rng.chance(0.5) ? " on " + titleTopic() : " \"On " + titleTopic() + "\"");
            }
            case "DECREE" -> {
                return rng.chance(0.6) ? "Decree of the " + organisation(origin) + " \"On " + titleTopic() + "\"" : "Decree on " + titleTopic();
            }
            case "SPEECH" -> {
                return switch (rng.nextInt(3)) {
                    case 0 -> "Speech by " + a + " at the " + organisation(origin) + " Plenum";
                    case 1 -> "Speech by " + authorWithOffice() + " on " + titleTopic();
                    default -> "Speech by " + a + " at a Banquet in Honor of the " + focus.adjective() + " Delegation";
                };
            }
            case "STATEMENT" -> {
                return switch (rng.nextInt(3)) {
                    case 0 -> "Statement of the " + origin.adjective() + " Government on " + titleTopic();
                    case 1 -> "Statement by " + a + " on " + titleTopic();
                    default -> "Joint Statement of the " + origin.adjective() + " and " + focus.adjective() + " Governments";
                };
            }
            case "TREATY" -> {
                String x = rng.pick(origin.names());
                String y = origin == focus ? rng.pick(entities.countries).name() : rng.pick(focus.names());
                return switch (rng.nextInt(3)) {
                    case 0 -> "Treaty of Friendship, Cooperation and Mutual Assistance between " + x + " and " + y;
                    case 1 -> "Agreement on Economic and Technical Aid between " + x + " and " + y;
                    default -> "Agreement between " + x + " and " + y + " on " + titleTopic();
                };
            }
            case "NOTE" -> {
                return rng.chance(0.5)
                        ? "Note from the " + origin.adjective() + " Embassy in " + mention(capital(focus)) + " to the " + focus.ministry()
                        : "Note by " + a + " on " + titleTopic();
            }
            case "TRANSCRIPT" -> {
                return (rng.chance(0.5) ? "Transcript of the Meeting between " : "Transcript of Conversation between ")
                        + a + " and " + mention(counterpart);
            }
            case "INTERVIEW" -> {
                return rng.chance(0.5) ? "Interview with " + counterpartWithOffice() : "Interview with " + mention(counterpart) + " on " + titleTopic();
            }
            case "ARTICLE" -> {
                b = rng.chance(0.5) ? " and " + mention(colleague()) : "";
                return a + b + ", '" + articleTitle() + "'";
            }
            default -> {
                return switch (rng.nextInt(3)) {
                    case 0 -> a + ", '" + articleTitle() + "'";
                    case 1 -> "Information on " + titleTopic();
                    default -> "Notes on " + titleTopic();
                };
            }
        }
    }

    /** Another person of the author's country. */
    private Named colleague() {
        Named other = person(origin);
        for (int i = 0; i < 5 && other.equals(author); i++) {
            other = person(origin);
        }
        return other;
    }

    private Named capital(Country c) {
        Named capital = entities.placeByName.get(c.capital());
        return capital != null ? capital : place(c);
    }

    private static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    // ---- summary and texts ---------------------------------------------------------------------

    private String documentNoun() {
        return switch (type == null ? "OTHER" : type) {
            case "TELEGRAM" -> "telegram";
            case "LETTER" -> "letter";
            case "MEMORANDUM" -> "memorandum";
            case "REPORT" -> "report";
            case "STATEMENT" -> "statement";
            case "RECORD_OF_CONVERSATION", "MINUTES", "TRANSCRIPT" -> "record";
            default -> "document";
        };
    }

    private void summary(StringBuilder s) {
        int target = rng.logNormal(55, 0.45, 30, 110);
        int base = s.length();
        firstSentence(s);
        int words = countWords(s, base);
        while (words < target) {
            s.append(' ');
            int before = s.length();
            int room = Math.max(4, 120 - words - 1);
            if (rng.chance(0.35)) {
                followUp(s, Math.min(room - 6, 20));
            } else {
                lexicon.sentence(s, rng, this, typos, lexicon.start, true, Math.min(room, 28));
            }
            int added = countWords(s, before);
            if (words + added > 120) { // a template ran long: drop the sentence and stop
                s.setLength(before - 1);
                break;
            }
            words += added;
        }
    }

    private void firstSentence(StringBuilder s) {
        String a = mention(author);
        switch (rng.nextInt(10)) {
            case 0 -> clause(s.append(a).append(" informs ").append(mention(counterpart)).append(" that "), 22);
            case 1 -> s.append(a).append(" and ").append(mention(counterpart)).append(" discuss ").append(topic()).append('.');
            case 2 -> s.append(a).append(" reports on ").append(topic()).append(" in ").append(mention(place(focus))).append('.');
            case 3 -> clause(s.append(a).append(" reveals that "), 22);
            case 4 -> {
                LocalDate from = start.minusDays(rng.between(5, 40));
                s.append("The ").append(documentNoun()).append(" describes ").append(rng.pick(EVENTS)).append(", which took place in ")
                        .append(mention(place(focus))).append(" from ").append(monthDay(from)).append(" to ")
                        .append(monthDay(from.plusDays(rng.between(1, 10)))).append('.');
            }
            case 5 -> s.append(a).append(" expresses gratitude for ").append(topic()).append(", while ")
                    .append(shortMention(counterpart)).append(" asks for ").append(topic()).append('.');
            case 6 -> s.append("A ").append(documentNoun()).append(" from the ").append(organisation(origin))
                    .append(" reviewing ").append(topic()).append(" in ").append(start.getYear()).append(", including ")
                    .append(topic()).append('.');
            case 7 -> clause(s.append(a).append(" explains to ").append(mention(counterpart)).append(" that "), 22);
            case 8 -> s.append("In a conversation with ").append(a).append(", ").append(mention(counterpart)).append(" notes ")
                    .append(topic()).append('.');
            default -> s.append(a).append(" asks ").append(mention(counterpart)).append(" to inform the ")
                    .append(organisation(focus)).append(" about ").append(topic()).append('.');
        }
    }

    private void followUp(StringBuilder s, int clauseWords) {
        String a = shortMention(author);
        String b = shortMention(counterpart);
        switch (rng.nextInt(5)) {
            case 0 -> clause(s.append(a).append(" admits to ").append(b).append(" that "), clauseWords);
            case 1 -> clause(s.append(b).append(" suggests that "), clauseWords);
            case 2 -> s.append(a).append(" and ").append(b).append(" agree to send ")
                    .append(rng.chance(0.5) ? "a joint delegation" : "a delegation").append(" to ")
                    .append(mention(place(focus))).append(rng.chance(0.5) ? " the next morning." : ".");
            case 3 -> s.append(b).append(" emphasizes the importance of ").append(topic()).append('.');
            default -> clause(s.append(a).append(" notes that "), clauseWords);
        }
    }

    private void clause(StringBuilder s, int maxWords) {
        lexicon.sentence(s, rng, this, typos, lexicon.clauseStart, false, Math.max(4, maxWords));
    }

    private static int countWords(StringBuilder s, int from) {
        int words = 0;
        boolean inWord = false;
        for (int i = from; i < s.length(); i++) {
            boolean space = s.charAt(i) == ' ' || s.charAt(i) == '\n';
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    private void appendTexts(StringBuilder json) {
        if (!rng.chance(0.5)) {
            return;
        }
        boolean english = origin.language().equals("en");
        int count = rng.chance(0.75) ? 1 : rng.chance(0.8) ? 2 : 3;
        json.append(",\"texts\":[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                json.append(',');
            }
            String kind = english ? (i == 0 ? "ORIGINAL" : "TRANSCRIPT") : "TRANSLATION";
            json.append("{\"kind\":\"").append(kind).append("\",\"language\":\"en\",\"body\":\"");
            body(json);
            json.append('"');
            if (kind.equals("TRANSLATION") && rng.chance(0.7)) {
                json.append(",\"translators\":[");
                Json.string(json, entities.translators.draw(rng));
                if (rng.chance(0.2)) {
                    json.append(',');
                    Json.string(json, entities.translators.draw(rng));
                }
                json.append(']');
            }
            json.append('}');
        }
        json.append(']');
    }

    private void body(StringBuilder s) {
        // At most 1,420 words drawn, so that names of several words, a header and a signature stay within 1,500.
        int target = rng.logNormal(180, 0.9, 20, 1420);
        if (rng.chance(0.3)) {
            s.append(rng.pick(HEADERS)).append(PARAGRAPH);
        }
        int words = 0;
        int sentencesLeft = rng.between(3, 8);
        boolean paragraphStart = true;
        while (words < target) {
            if (!paragraphStart) {
                s.append(' ');
            }
            int before = s.length();
            lexicon.sentence(s, rng, this, typos, lexicon.start, true, Math.min(40, Math.max(4, target - words)));
            words += countWords(s, before);
            paragraphStart = false;
            if (--sentencesLeft == 0 && words < target) {
                s.append(PARAGRAPH);
                sentencesLeft = rng.between(3, 8);
                paragraphStart = true;
            }
        }
        if (type != null && (type.equals("TELEGRAM") || type.equals("LETTER")) && rng.chance(0.7)) {
            s.append(PARAGRAPH).append(mention(author));
        }
    }

    // ---- source, rights, subjects, names, media ------------------------------------------------

    private void appendSource(StringBuilder json) {
        if (!rng.chance(0.85)) {
            return;
        }
        Repository repo = entities.repositories.get(origin.code()).draw(rng);
        json.append(",\"source\":{\"repository\":");
        Json.string(json, repo.name());
        String citation;
        switch (repo.scheme()) {
            case "fond" -> {
                String fond = rng.chance(0.5) ? pad(rng.between(1, 999), 4) : String.valueOf(rng.between(1, 600));
                String opis = String.valueOf(rng.between(1, 80));
                String delo = String.valueOf(rng.between(1, 900));
                int from = rng.between(1, 250);
                String folios = from + "-" + (from + rng.between(0, 40));
                json.append(",\"fond\":\"").append(fond).append("\",\"opis\":\"").append(opis)
                        .append("\",\"delo\":\"").append(delo).append("\",\"folios\":\"").append(folios).append('"');
                citation = repo.abbreviation() + ", fond " + fond + ", opis " + opis + ", delo " + delo + ", listy " + folios;
            }
            case "file" -> {
                String file = rng.between(100, 999) + "-" + pad(rng.between(1, 99999), 5) + "-" + pad(rng.between(1, 20), 2);
                citation = repo.abbreviation() + ", file " + file;
                if (rng.chance(0.5)) {
                    int from = rng.between(1, 120);
                    String folios = from + "-" + (from + rng.between(0, 30));
                    json.append(",\"folios\":\"").append(folios).append('"');
                    citation += ", pp. " + folios;
                }
            }
            default -> citation = repo.abbreviation() + (origin.code().equals("US") ? ", RG " + rng.between(20, 500) : "")
                    + ", box " + rng.between(1, 600) + ", folder " + rng.between(1, 80)
                    + (rng.chance(0.5) ? ", document " + rng.between(1, 9999) + "/" + start.getYear() : "");
        }
        if (rng.chance(0.9)) {
            json.append(",\"citation\":");
            Json.string(json, citation + ".");
        }
        json.append('}');
    }

    private static String pad(int n, int width) {
        String digits = Integer.toString(n);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    private void appendRights(StringBuilder json) {
        if (!rng.chance(0.6)) {
            return;
        }
        String[] rights = RIGHTS[rng.chance(0.5) ? 0 : rng.nextInt(RIGHTS.length)];
        json.append(",\"rights\":{\"statement\":");
        Json.string(json, rights[0]);
        if (rng.chance(0.8)) {
            json.append(",\"uri\":\"").append(rights[1]).append('"');
        }
        json.append(",\"reuse\":\"").append(rights[2]).append("\"}");
    }

    private void appendSubjects(StringBuilder json) {
        double x = rng.nextDouble();
        int count = x < 0.1 ? 0 : x < 0.4 ? 1 : x < 0.75 ? 2 : x < 0.95 ? 3 : 4;
        if (count == 0) {
            return;
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (int i = 0; i < count * 2 && chosen.size() < count; i++) {
            chosen.add(subject(rng.chance(0.7) ? focus : origin));
        }
        appendArray(json, "subjects", new ArrayList<>(chosen));
    }

    private void appendNames(StringBuilder json, String field, Map<Named, String> names, int max) {
        if (names.isEmpty()) {
            return;
        }
        Set<String> spellings = new LinkedHashSet<>(names.values());
        List<String> list = new ArrayList<>(spellings);
        appendArray(json, field, list.subList(0, Math.min(max, list.size())));
    }

    private static void appendArray(StringBuilder json, String field, List<String> values) {
        json.append(",\"").append(field).append("\":[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            Json.string(json, values.get(i));
        }
        json.append(']');
    }

    private void appendMedia(StringBuilder json) {
        if (!rng.chance(0.25)) {
            return;
        }
        int count = rng.chance(0.8) ? 1 : 2;
        json.append(",\"media\":[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                json.append(',');
            }
            boolean pdf = i == 0 && rng.chance(0.7);
            json.append("{\"uri\":\"https://media.example.org/scans/").append(origin.code().toLowerCase())
                    .append('/').append(Long.toHexString(rng.nextLong() >>> 16)).append(pdf ? ".pdf" : ".jpg")
                    .append("\",\"mediaType\":\"").append(pdf ? "application/pdf" : "image/jpeg").append("\",\"caption\":");
            Json.string(json, pdf ? "Scan of the original, " + rng.between(1, 40) + " folios" : "Photograph of page " + rng.between(1, 12));
            json.append('}');
        }
        json.append(']');
    }
}
