package net.historyarchive.infra.bench.corpus;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The people, places, organisations, subjects and archives that documents name, loaded from the
 * lists under {@code corpus/} and completed with invented people built from name parts. Everything
 * here is fixed (it does not depend on the corpus seed), so benchmark code sees the same vocabulary
 * whatever seed generated the documents.
 */
final class Entities {

    /** Invented people per country, after the historical figures of people.tsv. */
    static final int INVENTED_PER_COUNTRY = 300;
    private static final long NAMES_SEED = 0x4E414D4553L;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    record Country(int index, String code, double originWeight, double focusWeight, String language, String adjective,
                   String abbreviation, String combining, List<String> names, String capital, String party,
                   String ministry) {
        String name() {
            return names.get(0);
        }
    }

    /**
     * A person or place: its spellings (the first is the usual one), the short form used in running
     * text, whether it is a place, and whether it is a historical figure (from people.tsv).
     */
    record Named(String country, List<String> variants, String shortForm, boolean place, boolean historical) {
        String canonical() {
            return variants.get(0);
        }
    }

    /** Items drawn with Zipf weights by their order. */
    static final class Pool<T> {
        final List<T> items;
        private final AliasTable table;

        Pool(List<T> items) {
            this.items = Collections.unmodifiableList(items);
            this.table = items.isEmpty() ? null : AliasTable.zipf(items.size(), 1.0);
        }

        T draw(Rng rng) {
            return items.get(table.sample(rng));
        }

        boolean isEmpty() {
            return items.isEmpty();
        }
    }

    record Repository(String country, String scheme, String name, String abbreviation) {
    }

    private static volatile Entities instance;

    final List<Country> countries;
    final Map<String, Country> byCode = new HashMap<>();
    final AliasTable origins;
    final AliasTable focuses;
    final Map<String, Pool<Named>> people = new HashMap<>();
    final Map<String, Pool<Named>> places = new HashMap<>();
    final Map<String, Pool<String>> organisations = new HashMap<>();
    final Map<String, Pool<String>> subjects = new HashMap<>();
    final Map<String, Pool<Repository>> repositories = new HashMap<>();
    final Map<String, Named> placeByName = new HashMap<>();
    final Pool<String> phrases;
    final List<String> abroadOffices = new ArrayList<>();
    final List<String> homeOffices = new ArrayList<>();
    final Pool<String> translators;

    static Entities get() {
        Entities entities = instance;
        if (entities == null) {
            synchronized (Entities.class) {
                entities = instance;
                if (entities == null) {
                    entities = instance = new Entities();
                }
            }
        }
        return entities;
    }

    private Entities() {
        List<Country> list = new ArrayList<>();
        for (String[] r : Resources.rows("countries.tsv", 9)) {
            String[] adjectives = nfc(r[4]).split("\\|");
            Country c = new Country(list.size(), r[0], Double.parseDouble(r[1]), Double.parseDouble(r[2]), r[3],
                    adjectives[0], adjectives.length > 1 ? adjectives[1] : adjectives[0],
                    adjectives.length > 2 ? adjectives[2] : adjectives[0], List.of(nfc(r[5]).split("\\|")), nfc(r[6]),
                    nfc(r[7]), nfc(r[8]));
            list.add(c);
            byCode.put(c.code(), c);
        }
        countries = Collections.unmodifiableList(list);
        origins = new AliasTable(list.stream().mapToDouble(Country::originWeight).toArray());
        focuses = new AliasTable(list.stream().mapToDouble(Country::focusWeight).toArray());

        Map<String, List<Named>> placeLists = new LinkedHashMap<>();
        for (String[] r : Resources.rows("places.tsv", 2)) {
            Named place = named(r[0], nfc(r[1]).split("\\|"), null, true);
            placeLists.computeIfAbsent(r[0], k -> new ArrayList<>()).add(place);
            placeByName.putIfAbsent(place.canonical(), place);
        }
        placeLists.forEach((code, items) -> places.put(code, new Pool<>(items)));

        Map<String, List<Named>> peopleLists = new LinkedHashMap<>();
        for (String[] r : Resources.rows("people.tsv", 3)) {
            peopleLists.computeIfAbsent(r[0], k -> new ArrayList<>()).add(named(r[0], nfc(r[2]).split("\\|"), nfc(r[1]), false, true));
        }
        NameParts parts = new NameParts();
        for (Country c : countries) {
            List<Named> pool = peopleLists.computeIfAbsent(c.code(), k -> new ArrayList<>());
            Set<String> seen = new LinkedHashSet<>();
            pool.forEach(p -> seen.add(p.canonical()));
            Rng rng = new Rng(Rng.seedFor(NAMES_SEED, c.index(), 0));
            for (int attempt = 0, made = 0; made < INVENTED_PER_COUNTRY && attempt < INVENTED_PER_COUNTRY * 20; attempt++) {
                Named person = parts.invent(c.code(), rng);
                if (person != null && seen.add(person.canonical())) {
                    pool.add(person);
                    made++;
                }
            }
            people.put(c.code(), new Pool<>(pool));
        }

        Map<String, List<String>> orgLists = new LinkedHashMap<>();
        for (String[] r : Resources.rows("organizations.tsv", 2)) {
            orgLists.computeIfAbsent(r[0], k -> new ArrayList<>()).add(nfc(r[1]));
        }
        for (Country c : countries) {
            orgLists.computeIfAbsent(c.code(), k -> new ArrayList<>()).add(c.ministry());
        }
        orgLists.forEach((code, items) -> organisations.put(code, new Pool<>(items)));

        Map<String, List<String>> subjectLists = new LinkedHashMap<>();
        for (String[] r : Resources.rows("subjects.tsv", 2)) {
            subjectLists.computeIfAbsent(r[0], k -> new ArrayList<>()).add(nfc(r[1]));
        }
        subjectLists.forEach((code, items) -> subjects.put(code, new Pool<>(items)));

        Map<String, List<Repository>> repoLists = new LinkedHashMap<>();
        for (String[] r : Resources.rows("repositories.tsv", 3)) {
            String name = nfc(r[2]);
            int open = name.lastIndexOf('(');
            String abbreviation = open > 0 && name.endsWith(")") ? name.substring(open + 1, name.length() - 1) : name;
            repoLists.computeIfAbsent(r[0], k -> new ArrayList<>()).add(new Repository(r[0], r[1], name, abbreviation));
        }
        repoLists.forEach((code, items) -> repositories.put(code, new Pool<>(items)));

        phrases = new Pool<>(Resources.lines("phrases.txt").stream().map(Entities::nfc).toList());
        for (String[] r : Resources.rows("offices.tsv", 2)) {
            (r[0].equals("@") ? abroadOffices : homeOffices).add(nfc(r[1]));
        }
        List<String> translatorNames = new ArrayList<>();
        Rng rng = new Rng(Rng.seedFor(NAMES_SEED, 1000, 0));
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < 2000 && seen.size() < 60; i++) {
            String code = rng.chance(0.6) ? "US" : "GB";
            seen.add(rng.pick(parts.list(code, "given")).get(0) + " " + rng.pick(parts.list(code, "surname")).get(0));
        }
        translatorNames.addAll(seen);
        translators = new Pool<>(translatorNames);
    }

    Country originCountry(Rng rng) {
        return countries.get(origins.sample(rng));
    }

    Country focusCountry(Rng rng) {
        return countries.get(focuses.sample(rng));
    }

    static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** {@code s} without accents, tone marks and other diacritics ("Máo Zédōng" to "Mao Zedong"). */
    static String fold(String s) {
        String stripped = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder b = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            switch (c) {
                case 'đ' -> b.append('d');
                case 'Đ' -> b.append('D');
                case 'ł' -> b.append('l');
                case 'Ł' -> b.append('L');
                case 'ß' -> b.append("ss");
                case 'ø' -> b.append('o');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A Named with the given spellings plus the accent-free form of the first, if different and new. */
    static Named named(String country, String[] spellings, String shortForm, boolean place) {
        return named(country, spellings, shortForm, place, false);
    }

    static Named named(String country, String[] spellings, String shortForm, boolean place, boolean historical) {
        LinkedHashSet<String> variants = new LinkedHashSet<>();
        for (String s : spellings) {
            variants.add(nfc(s.trim()));
        }
        String first = variants.iterator().next();
        variants.add(fold(first));
        return new Named(country, List.copyOf(variants), shortForm == null ? first : shortForm, place, historical);
    }

    /** Builds invented names from name-parts.tsv, in each country's conventions, with romanisation variants. */
    static final class NameParts {
        private final Map<String, List<List<String>>> parts = new HashMap<>();

        NameParts() {
            for (String[] r : Resources.rows("name-parts.tsv", 3)) {
                List<List<String>> items = new ArrayList<>();
                for (String item : nfc(r[2]).split("; ")) {
                    items.add(List.of(item.trim().split("\\|")));
                }
                parts.put(r[0] + "/" + r[1], items);
            }
        }

        List<List<String>> list(String code, String kind) {
            List<List<String>> items = parts.get(code + "/" + kind);
            if (items == null) {
                throw new IllegalStateException("name-parts.tsv has no " + kind + " for " + code);
            }
            return items;
        }

        Named invent(String code, Rng rng) {
            return switch (code) {
                case "SU" -> russian(rng);
                case "CN" -> chinese(rng);
                case "KP", "KR" -> korean(code, rng);
                case "JP" -> japanese(rng);
                case "VN" -> vietnamese(rng);
                case "HU" -> hungarian(rng);
                case "MN" -> mongolian(rng);
                default -> western(code, rng);
            };
        }

        private Named russian(Rng rng) {
            List<String> given = rng.pick(list("SU", "given"));
            List<String> surname = rng.pick(list("SU", "surname"));
            String g = given.get(0);
            String initial = (g.startsWith("Ya") || g.startsWith("Yu") || g.startsWith("Ye") ? g.substring(0, 2) : g.substring(0, 1)) + ".";
            String initials = initial + rng.pick(list("SU", "initial")).get(0) + " " + surname.get(0);
            String full = g + " " + surname.get(0);
            List<String> v = new ArrayList<>();
            if (rng.chance(0.55)) {
                v.add(initials);
                v.add(full);
            } else {
                v.add(full);
                v.add(initials);
            }
            if (given.size() > 1) {
                v.add(given.get(1) + " " + surname.get(0));
            }
            if (surname.size() > 1) {
                v.add(initial + " " + surname.get(1));
            }
            return named("SU", v.toArray(new String[0]), surname.get(0), false);
        }

        private Named chinese(Rng rng) {
            List<String> surname = rng.pick(list("CN", "surname"));
            int syllables = rng.chance(0.85) ? 2 : 1;
            StringBuilder toned = new StringBuilder();
            StringBuilder wade = new StringBuilder();
            for (int i = 0; i < syllables; i++) {
                List<String> s = rng.pick(list("CN", "syllable"));
                String pinyin = s.get(0);
                if (i > 0 && "aeo".indexOf(fold(pinyin).charAt(0)) >= 0) {
                    toned.append('\'');
                }
                toned.append(i == 0 ? capitalise(pinyin) : pinyin);
                wade.append(i == 0 ? capitalise(s.get(1)) : "-" + s.get(1));
            }
            String tonedName = surname.get(0) + " " + toned;
            String plain = fold(tonedName);
            String wadeName = surname.get(1) + " " + wade;
            String[] v = rng.chance(0.8) ? new String[]{plain, tonedName, wadeName} : new String[]{wadeName, plain, tonedName};
            return named("CN", v, v[0], false);
        }

        private Named korean(String code, Rng rng) {
            List<String> surname = rng.pick(list(code, "surname"));
            List<String> first = rng.pick(list("KO", "syllable"));
            List<String> second = rng.pick(list("KO", "syllable"));
            String rr = capitalise(first.get(0)) + "-" + second.get(0);
            String mr = capitalise(first.get(1)) + "-" + second.get(1);
            String canonical = surname.get(0) + " " + rr;
            List<String> v = new ArrayList<>(List.of(canonical, surname.get(0) + " " + mr));
            if (surname.size() > 1) {
                v.add(surname.get(1) + " " + rr);
            }
            v.add(surname.get(0) + " " + capitalise(first.get(0)) + second.get(0));
            return named(code, v.toArray(new String[0]), canonical, false);
        }

        private Named japanese(Rng rng) {
            String surname = rng.pick(list("JP", "surname")).get(0);
            String given = rng.pick(list("JP", "given")).get(0);
            List<String> v = new ArrayList<>();
            if (rng.chance(0.5)) {
                v.add(surname + " " + given);
                v.add(given + " " + surname);
            } else {
                v.add(given + " " + surname);
                v.add(surname + " " + given);
            }
            if (v.get(0).contains("ō")) {
                v.add(v.get(0).replace("ō", "oh").replace("Ō", "Oh"));
            }
            return named("JP", v.toArray(new String[0]), surname, false);
        }

        private Named vietnamese(Rng rng) {
            String name = rng.pick(list("VN", "surname")).get(0) + " " + rng.pick(list("VN", "middle")).get(0) + " "
                    + rng.pick(list("VN", "given")).get(0);
            return named("VN", new String[]{name}, name, false);
        }

        private Named hungarian(Rng rng) {
            String given = rng.pick(list("HU", "given")).get(0);
            String surname = rng.pick(list("HU", "surname")).get(0);
            return named("HU", new String[]{given + " " + surname, surname + " " + given}, surname, false);
        }

        private Named mongolian(Rng rng) {
            String given = rng.pick(list("MN", "given")).get(0);
            List<String> surname = rng.pick(list("MN", "surname"));
            List<String> v = new ArrayList<>(List.of(given + " " + surname.get(0), given.charAt(0) + ". " + surname.get(0)));
            if (surname.size() > 1) {
                v.add(given + " " + surname.get(1));
            }
            return named("MN", v.toArray(new String[0]), surname.get(0), false);
        }

        private Named western(String code, Rng rng) {
            List<String> given = rng.pick(list(code, "given"));
            List<String> surname = rng.pick(list(code, "surname"));
            String g = given.get(0);
            List<String> v = new ArrayList<>();
            String full = g + " " + surname.get(0);
            String initial = g.charAt(0) + ". " + surname.get(0);
            if (rng.chance(0.75)) {
                v.add(full);
                v.add(initial);
            } else {
                v.add(initial);
                v.add(full);
            }
            if (given.size() > 1) {
                v.add(given.get(1) + " " + surname.get(0));
            }
            if (surname.size() > 1) {
                v.add(g + " " + surname.get(1));
            }
            return named(code, v.toArray(new String[0]), surname.get(0), false);
        }
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
